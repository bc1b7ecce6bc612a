import { Converter, ReflectionKind } from "typedoc";
import { entryPoints, sourceOf } from "./entry-points.mjs";

/*
 * Names each module of the reference after the specifier tools import it by (`@gadget/core/testing`),
 * rather than after its file's path.
 */

const nameOfFile = new Map(entryPoints.map((specifier) => [sourceOf(specifier), specifier]));

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Module)) return;
    const file = context.getSymbolFromReflection(reflection)?.declarations?.[0]?.getSourceFile().fileName;
    const name = file === undefined ? undefined : nameOfFile.get(file);
    if (name !== undefined) reflection.name = name;
  });
}
