import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@gadget/source"] },
  ssr: { resolve: { conditions: ["@gadget/source"] } },
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "packages/*/test/**/*.test.ts",
      "examples/**/*.test.ts",
      "tests/**/*.test.ts",
      "docs/test/**/*.test.ts",
    ],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
