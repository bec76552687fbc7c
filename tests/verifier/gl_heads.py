"""The rendered heads of :mod:`tests.verifier.heads`, drawn by a real GPU pipeline.

OpenGL 3.3 through moderngl on a headless EGL context (Mesa llvmpipe here:
Debian's libegl-mesa0 / libgl1-mesa-dri, nothing downloaded at run time).  The
head surface (photo texture on the generic depth model placed by the 68
landmarks) becomes a triangle mesh (one vertex every ``STEP`` texture pixels);
the GPU rasterises it with perspective-correct bilinear texture sampling, a
depth buffer and 4x multisampling (soft edges), and shades it with a
Lambertian light that stays fixed while the head turns: the cheek turning
away from the light darkens, the one turning towards it brightens (relative to
the frontal pose, whose lighting is the photo's own).  Same geometry and
camera as :func:`tests.verifier.heads.render`, so the two can be compared.

Limits that remain: the depth model is generic, the texture is one frontal
photo (no new skin or ear appears at the far side), nothing moves but the head
pose and the eyelids (the blink is the same texture edit).
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

import numpy as np

from .heads import Surface, _close_eyes

STEP = 2  # texture pixels between mesh vertices
LIGHT = np.array([-0.35, -0.45, 0.82])  # towards the light: left, above, in front
AMBIENT = 0.75  # share of the light that does not depend on the surface's direction

_VERT = """
#version 330
uniform vec2 centre; uniform float pivot; uniform vec2 ang; uniform float dist;
uniform vec2 at; uniform vec2 size; uniform vec2 tex_size; uniform float zr;
in vec2 pix; in float depth; in vec3 normal;
out vec2 uv; out vec3 n;
vec3 turn(vec3 p) {
    float ca = cos(ang.x), sa = sin(ang.x), cb = cos(ang.y), sb = sin(ang.y);
    p = vec3(p.x * ca + p.z * sa, p.y, -p.x * sa + p.z * ca);
    return vec3(p.x, p.y * cb - p.z * sb, p.y * sb + p.z * cb);
}
void main() {
    vec3 p = turn(vec3(pix - centre, depth + pivot));
    p.z -= pivot;
    float w = (dist - p.z) / dist;  // 1 / perspective scale
    gl_Position = vec4(2.0 * (at.x * w + p.x) / size.x - w,
                       w - 2.0 * (at.y * w + p.y) / size.y, -p.z / zr * w, w);
    uv = (pix + 0.5) / tex_size;
    n = turn(normal);
}
"""

_FRAG = """
#version 330
uniform sampler2D tex; uniform vec3 light; uniform float ambient;
in vec2 uv; in vec3 n; out vec4 colour;
void main() {
    vec3 nn = normalize(n);
    float now = ambient + (1.0 - ambient) * max(dot(nn, light), 0.0);
    colour = vec4(texture(tex, uv).rgb * now, 1.0);
}
"""


class GlHeadRenderer:
    """One EGL context; :meth:`render` has the signature of ``heads.render``."""

    def __init__(self) -> None:
        import moderngl

        self.gl = moderngl.create_standalone_context(backend="egl")
        self.program = self.gl.program(vertex_shader=_VERT, fragment_shader=_FRAG)
        self._meshes: dict[int, tuple[Any, np.ndarray]] = {}

    def _mesh(self, surface: Surface) -> tuple[Any, np.ndarray]:
        key = id(surface)
        if key not in self._meshes:
            self._meshes[key] = (self._vertex_array(surface), _frontal_shade(surface))
        return self._meshes[key]

    def _vertex_array(self, surface: Surface) -> Any:
        h, w = surface.mask.shape
        ys, xs = np.mgrid[0:h:STEP, 0:w:STEP]
        depth = surface.depth[ys, xs]
        normals = _normals(surface.depth)[ys, xs]
        inside = surface.mask[ys, xs]
        gh, gw = ys.shape
        idx = np.arange(gh * gw).reshape(gh, gw)
        quads = [idx[:-1, :-1], idx[:-1, 1:], idx[1:, :-1], idx[1:, 1:]]
        ok = inside[:-1, :-1] & inside[:-1, 1:] & inside[1:, :-1] & inside[1:, 1:]
        a, b, c, d = (q[ok] for q in quads)
        tris = np.stack([a, b, c, b, d, c], axis=1).astype(np.int32).ravel()
        verts = np.concatenate([xs.reshape(-1, 1), ys.reshape(-1, 1), depth.reshape(-1, 1),
                                normals.reshape(-1, 3)], axis=1).astype("f4")
        vbo = self.gl.buffer(verts.tobytes())
        ibo = self.gl.buffer(tris.tobytes())
        return self.gl.vertex_array(self.program, [(vbo, "2f 1f 3f", "pix", "depth", "normal")],
                                    ibo)

    def render(self, surface: Surface, canvas: np.ndarray, yaw: float, pitch: float = 0.0,
               blink: float = 0.0, *, at: tuple[float, float] | None = None,
               camera_distance: float = 8.0, texture: np.ndarray | None = None) -> np.ndarray:
        import moderngl

        vao, frontal = self._mesh(surface)
        tex_bgr = _close_eyes(surface.texture if texture is None else texture, surface.eyes,
                              blink)
        # the photo's own lighting is the frontal pose's: divide the light out of it
        base = np.clip(tex_bgr[:, :, ::-1].astype(np.float32) / 255.0 / frontal[..., None], 0, 4)
        th, tw = base.shape[:2]
        tex = self.gl.texture((tw, th), 3, np.ascontiguousarray(base).tobytes(), dtype="f4")
        tex.filter = (moderngl.LINEAR, moderngl.LINEAR)
        h, w = canvas.shape[:2]
        ux, uy = at if at is not None else (w / 2.0, h / 2.0)
        uniforms = {"centre": surface.centre, "pivot": surface.pivot,
                    "ang": (math.radians(yaw), math.radians(pitch)),
                    "dist": camera_distance * surface.face_width, "at": (ux, uy),
                    "size": (w, h), "tex_size": (tw, th), "zr": 4.0 * surface.face_width,
                    "light": tuple(LIGHT / np.linalg.norm(LIGHT)), "ambient": AMBIENT}
        for name, value in uniforms.items():
            self.program[name].value = value
        msaa = self.gl.framebuffer(self.gl.renderbuffer((w, h), 4, samples=4),
                                   self.gl.depth_renderbuffer((w, h), samples=4))
        plain = self.gl.framebuffer(self.gl.renderbuffer((w, h), 4))
        msaa.use()
        self.gl.clear(0.0, 0.0, 0.0, 0.0, depth=1.0)
        self.gl.enable(moderngl.DEPTH_TEST)
        tex.use(0)
        vao.render()
        self.gl.copy_framebuffer(plain, msaa)
        rgba = np.frombuffer(plain.read(components=4), np.uint8).reshape(h, w, 4)[::-1]
        for obj in (msaa, plain, tex):
            obj.release()
        alpha = rgba[:, :, 3:4].astype(np.float32) / 255.0
        head = rgba[:, :, 2::-1].astype(np.float32)  # RGB -> BGR
        out = head + canvas.astype(np.float32) * (1.0 - alpha)  # premultiplied by coverage
        return np.clip(out, 0, 255).astype(np.uint8)


def _normals(depth: np.ndarray) -> np.ndarray:
    """Unit normals (x right, y down, z towards the camera) of the depth surface."""
    dzdy, dzdx = np.gradient(depth.astype(np.float64))
    n = np.stack([-dzdx, -dzdy, np.ones_like(dzdx)], axis=-1)
    return (n / np.linalg.norm(n, axis=-1, keepdims=True)).astype(np.float32)


def _frontal_shade(surface: Surface) -> np.ndarray:
    light = LIGHT / np.linalg.norm(LIGHT)
    lit = np.clip(_normals(surface.depth) @ light, 0, None)
    return (AMBIENT + (1.0 - AMBIENT) * lit).astype(np.float32)


@lru_cache(maxsize=1)
def gl_renderer() -> GlHeadRenderer | None:
    """The renderer, or None when no headless OpenGL (EGL) context can be made."""
    try:
        return GlHeadRenderer()
    except Exception:  # no moderngl, no EGL driver: the GL heads are skipped
        return None
