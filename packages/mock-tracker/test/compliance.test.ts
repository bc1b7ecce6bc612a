import { runAdapterCompliance } from "@gadget/core/testing";
import { MockTracker } from "../src/index.js";

runAdapterCompliance("mock", () => new MockTracker({ seed: 1 }));
