import { allRouteTemplates } from "./routes.js";

/*
 * The way back from a path to its route: a log line names `data/shots/:id`, not the id, so lines
 * group by route and carry no value a caller put in a path. Paths the table lacks (the raw client's)
 * keep their words and lose their ids and query strings.
 */

interface Matcher {
  method: string;
  regex: RegExp;
  label: string;
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function compile(): Matcher[] {
  const compiled = allRouteTemplates().map((route) => {
    const template = route.template.replace(/^\//, "");
    const parts = template.split(/\{\w+\}/);
    return {
      method: route.method,
      regex: new RegExp(`^${parts.map(literal).join("[^/]+?")}$`),
      label: template.replace(/\{(\w+)\}/g, ":$1"),
      params: parts.length - 1,
    };
  });
  // `data/shots/all` is its own route, not `data/shots/{id}`: the template with fewer placeholders wins.
  return compiled.sort((a, b) => a.params - b.params);
}

let matchers: Matcher[] | undefined;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The route template a request went to, ids as placeholders: `GET data/shots/1c1e…` →
 * `data/shots/:id`. A path outside the route table keeps its words, ids become `:id`, and the
 * query string is dropped.
 */
export function routeTemplate(method: string, path: string): string {
  const bare = path.replace(/^\/+/, "").replace(/[?#].*$/, "");
  matchers ??= compile();
  const found = matchers.find((m) => m.method === method && m.regex.test(bare));
  if (found) return found.label;
  return bare
    .split("/")
    .map((segment) => (UUID.test(segment) ? ":id" : segment))
    .join("/");
}
