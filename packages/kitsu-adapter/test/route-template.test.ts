import { describe, expect, it } from "vitest";
import { routeTemplate } from "../src/route-template.js";
import { path, routes } from "../src/routes.js";

const id = "1c1e5a3e-6f0b-4c55-9d2c-3f1f4a1b2c3d";

describe("routeTemplate", () => {
  it("names a filled route by its template, ids as placeholders", () => {
    expect(routeTemplate("GET", path(routes.getShot, { id }))).toBe("data/shots/:id");
    expect(routeTemplate("GET", path(routes.getModel, { model: "tasks", id }))).toBe("data/tasks/:id");
    expect(routeTemplate("POST", path(routes.addPreview, { taskId: id, commentId: id }))).toBe(
      "actions/tasks/:taskId/comments/:commentId/add-preview",
    );
    expect(routeTemplate("GET", path(routes.previewMovie, { id }))).toBe("movies/originals/preview-files/:id.mp4");
  });

  it("prefers the literal route over a placeholder that would match it", () => {
    expect(routeTemplate("GET", "data/shots/all")).toBe("data/shots/all");
    expect(routeTemplate("DELETE", `data/shots/${id}`)).toBe("data/shots/:id");
  });

  it("a path outside the table keeps its words, loses its ids and its query string", () => {
    expect(routeTemplate("GET", "/data/events/last")).toBe("data/events/last");
    expect(routeTemplate("GET", `data/playlists/${id}/build/mp4?token=abc`)).toBe("data/playlists/:id/build/mp4");
  });
});
