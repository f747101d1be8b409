# Raytrace: a small recursive ray tracer (spheres and a checkered plane,
# two point lights, Lambert + Phong shading, shadows, one bounce of
# reflection) rendering a width x width image. Checked by: every channel is
# in [0, 1]; the primary ray through the centre hits the middle sphere at the
# distance solved by hand; and, at the standard sizes, the image's total
# brightness equals what CPython computes (to 1e-9 relative).
import math
import benchlib

BENCH = {"kind": "single", "scale": 240, "quick": 16,
         "about": "vector objects, many small method calls, float math"}

KNOWN = {16: 484.21211668228204, 240: 108742.56853628157}

EPSILON = 1e-6
MAX_DEPTH = 2


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def sub(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def mul(self, o):
        return Vec(self.x * o.x, self.y * o.y, self.z * o.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self.scale(1.0 / self.length())


BLACK = Vec(0.0, 0.0, 0.0)
WHITE = Vec(1.0, 1.0, 1.0)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin.add(self.direction.scale(t))


class Material:
    def __init__(self, color, diffuse, specular, shininess, reflect):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.reflect = reflect

    def color_at(self, point):
        return self.color


class Checker(Material):
    def color_at(self, point):
        if (int(math.floor(point.x)) + int(math.floor(point.z))) % 2 == 0:
            return self.color
        return WHITE.scale(0.9)


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        oc = ray.origin.sub(self.center)
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return point.sub(self.center).normalized()


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal
        self.material = material

    def intersect(self, ray):
        denom = self.normal.dot(ray.direction)
        if abs(denom) < EPSILON:
            return None
        t = self.point.sub(ray.origin).dot(self.normal) / denom
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Scene:
    def __init__(self):
        self.objects = [
            Sphere(Vec(0.0, 1.0, 5.0), 1.0, Material(Vec(0.9, 0.2, 0.2), 0.7, 0.5, 8, 0.3)),
            Sphere(Vec(-2.2, 0.8, 6.5), 0.8, Material(Vec(0.2, 0.8, 0.3), 0.8, 0.3, 4, 0.1)),
            Sphere(Vec(2.0, 0.6, 4.2), 0.6, Material(Vec(0.3, 0.4, 0.9), 0.6, 0.8, 16, 0.5)),
            Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0),
                  Checker(Vec(0.1, 0.1, 0.1), 0.8, 0.1, 2, 0.2)),
        ]
        self.lights = [Light(Vec(-4.0, 6.0, 1.0), Vec(0.8, 0.8, 0.8)),
                       Light(Vec(5.0, 4.0, 2.0), Vec(0.4, 0.4, 0.5))]
        self.ambient = 0.08
        self.eye = Vec(0.0, 1.2, -1.0)

    def nearest(self, ray):
        best_t = None
        best = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best = obj
        return best, best_t

    def in_shadow(self, point, light):
        to_light = light.position.sub(point)
        distance = to_light.length()
        ray = Ray(point, to_light.scale(1.0 / distance))
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < distance:
                return True
        return False

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            # Sky: a gradient on the ray's height.
            k = 0.5 * (ray.direction.y + 1.0)
            return Vec(0.6 + 0.2 * k, 0.7 + 0.2 * k, 0.9 + 0.1 * k)
        point = ray.at(t)
        normal = obj.normal_at(point)
        mat = obj.material
        base = mat.color_at(point)
        color = base.scale(self.ambient)
        for light in self.lights:
            if self.in_shadow(point, light):
                continue
            to_light = light.position.sub(point).normalized()
            lambert = normal.dot(to_light)
            if lambert > 0.0:
                color = color.add(base.mul(light.color).scale(lambert * mat.diffuse))
                half = to_light.sub(ray.direction).normalized()
                spec = normal.dot(half)
                if spec > 0.0:
                    power = 1.0
                    for _ in range(mat.shininess):
                        power *= spec
                    color = color.add(light.color.scale(power * mat.specular))
        if depth < MAX_DEPTH and mat.reflect > 0.0:
            d = ray.direction
            r = d.sub(normal.scale(2.0 * d.dot(normal)))
            bounce = self.trace(Ray(point, r), depth + 1)
            color = color.scale(1.0 - mat.reflect).add(bounce.scale(mat.reflect))
        return color

    def primary_ray(self, px, py, width, height):
        x = (px + 0.5) / width * 2.0 - 1.0
        y = 1.0 - (py + 0.5) / height * 2.0
        d = Vec(x * 1.2, y * 1.2, 2.0).normalized()
        return Ray(self.eye, d)


def clamp(v):
    if v < 0.0:
        return 0.0
    if v > 1.0:
        return 1.0
    return v


def render(scene, width):
    rows = []
    for py in range(width):
        row = []
        for px in range(width):
            c = scene.trace(scene.primary_ray(px, py, width, width), 0)
            row.append((clamp(c.x), clamp(c.y), clamp(c.z)))
        rows.append(row)
    return rows


def main():
    width = benchlib.parse_args({"scale": BENCH["scale"]})["scale"]
    scene = Scene()
    start = benchlib.clock()
    image = render(scene, width)
    elapsed = benchlib.clock() - start
    total = 0.0
    for row in image:
        for pixel in row:
            for v in pixel:
                benchlib.check(0.0 <= v <= 1.0, "channel out of range")
                total += v
    # The ray from the eye (0, 1.2, -1) straight ahead (+z) meets the sphere
    # centred (0, 1, 5) with radius 1 where (z-5)^2 + 0.04 = 1.
    t = scene.objects[0].intersect(Ray(scene.eye, Vec(0.0, 0.0, 1.0)))
    benchlib.check_close(t, 6.0 - math.sqrt(0.96), 1e-12, "centre hit distance")
    if width in KNOWN:
        benchlib.check_close(total, KNOWN[width], 1e-9 * KNOWN[width], "image brightness")
    print("brightness: " + repr(total))
    benchlib.report(elapsed)


main()
