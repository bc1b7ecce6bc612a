import { runAdapterCompliance } from "@gadget/core/testing";
import { MockTracker } from "../src/index.js";
import { zouRules } from "../src/kitsu-server/index.js";

runAdapterCompliance("mock", () => new MockTracker({ seed: 1 }));

// An adapter that states rules of its own passes by enforcing them: the suite reads rulesOf(adapter).
runAdapterCompliance("mock with Zou's own rules", () => new MockTracker({ seed: 2, rules: zouRules }));
