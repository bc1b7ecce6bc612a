// The mapping lives in core (adapter/http-errors.ts): the mock tracker's in-process `raw` raises the same errors.
export { mapHttpError } from "@gadget/core/adapter";
