#!/usr/bin/env python3
"""Makes the map's outlines, `assets/map/ne-asia.json`, from Natural Earth's public-domain data.

    python3 scripts/make_map.py NATURAL_EARTH_DIR [OUT.json]

NATURAL_EARTH_DIR holds the GeoJSON extracts for north-east Asia (Natural Earth 4.0.0, cut to
the features that touch longitude 115-135.5 E, latitude 33-46.5 N): countries at 1:50m, land
boundaries and rivers at 1:10m, populated places at 1:10m and admin-1 label points at 1:10m.
The script cuts the countries to the map's frame, simplifies every line (Douglas-Peucker) to
what the map draws, rounds the points to a thousandth of a degree, keeps the few cities and
provinces the map labels, and adds their Korean names. The app triangulates the outlines for
filling when it first draws the map. Only the standard library is used.
"""

import json
import math
import os
import sys

# The frame the outlines are cut to: wide enough that the box the map opens on, in a wide
# window, shows no edge (the view is kept inside it).
FRAME = (103.0, 26.0, 147.0, 54.0)
# How far a simplified line may stray from the original, in degrees (about 1 km).
COUNTRY_TOLERANCE = 0.01
LINE_TOLERANCE = 0.008

COUNTRIES = {
    "CN": ("China", "중국"),
    "KP": ("North Korea", "북한"),
    "KR": ("South Korea", "한국"),
    "RU": ("Russia", "러시아"),
    "MN": ("Mongolia", "몽골"),
    "JP": ("Japan", "일본"),
}

# Where each country's name is written (inside the frame, away from the borders).
COUNTRY_LABELS = {
    "CN": (121.0, 43.5),
    "KP": (127.0, 40.1),
    "KR": (128.0, 36.6),
    "RU": (134.0, 46.8),
    "MN": (113.0, 45.8),
    "JP": (136.5, 35.8),
}

RIVERS = {
    "Yalu": "압록강",
    "Tumen": "두만강",
    "Songhua": "쑹화강",
    "Di’er Songhua": "제2쑹화강",
    "Liao": "랴오허",
    "Han": "한강",
    "Namhan": "남한강",
    "Nakdong": "낙동강",
    "Ussuri": "우수리강",
    "Hai": "하이허",
    "Huang": "황허",
}
# The rivers whose names are written on the map: the border and the capital's.
LABELLED_RIVERS = {"Yalu", "Tumen", "Han"}

# Cities named on the map for reference, with their Korean names; the border cities first.
CITIES = {
    "Beijing": "베이징",
    "Seoul": "서울",
    "Pyongyang": "평양",
    "Shenyeng": "선양",
    "Harbin": "하얼빈",
    "Changchun": "창춘",
    "Dalian": "다롄",
    "Busan": "부산",
    "Vladivostok": "블라디보스토크",
    "Dandong": "단둥",
    "Yanji": "옌지",
    "Chongjin": "청진",
    "Hamhung": "함흥",
    "Qingdao": "칭다오",
    "Tianjin": "톈진",
    "Fukuoka": "후쿠오카",
    "Tumen": "투먼",
    "Sinuiju": "신의주",
    "Hyeson": "혜산",
}
# Cities named only when the map is zoomed in (on the border, on Seoul).
MINOR_CITIES = {
    "Incheon": "인천",
    "Suwon": "수원",
    "Goyang": "고양",
    "Songnam": "성남",
    "Ansan": "안산",
    "Chuncheon": "춘천",
    "Gangneung": "강릉",
    "Daejeon": "대전",
    "Daegu": "대구",
    "Gwangju": "광주",
    "Ulsan": "울산",
    "Kaesong": "개성",
    "Nampo": "남포",
    "Haeju": "해주",
    "Wonsan": "원산",
    "Kanggye": "강계",
    "Manpo": "만포",
    "Musan": "무산",
    "Kimchaek": "김책",
    "Sonbong": "선봉",
    "Jilin": "지린",
    "Tonghua": "퉁화",
    "Baishan": "바이산",
    "Linjiang": "린장",
    "Helong": "허룽",
    "Dunhua": "둔화",
}
CITY_NAMES = {"Shenyeng": "Shenyang", "Hyeson": "Hyesan", "Songnam": "Seongnam"}

# Cities far from the map where rallies are held, named in Korean for the insets' titles.
FAR_CITIES = {
    "New York": "뉴욕",
    "Washington": "워싱턴",
    "Geneva": "제네바",
    "London": "런던",
    "Brussels": "브뤼셀",
    "Tokyo": "도쿄",
    "Los Angeles": "로스앤젤레스",
    "Toronto": "토론토",
    "Bangkok": "방콕",
}

# Provinces named on the map when zoomed in: the border's two sides.
PROVINCES = {
    "Liaoning": ("Liaoning", "랴오닝성"),
    "Jilin": ("Jilin", "지린성"),
    "P'yŏngan-bukto": ("North Pyongan", "평안북도"),
    "Chagang-do": ("Chagang", "자강도"),
    "Ryanggang": ("Yanggang", "양강도"),
    "Hamgyŏng-bukto": ("North Hamgyong", "함경북도"),
    "Hamgyŏng-namdo": ("South Hamgyong", "함경남도"),
    "Rason": ("Rason", "라선"),
}


def read(directory, name):
    with open(os.path.join(directory, name), encoding="utf-8") as file:
        return json.load(file)["features"]


def clip_ring(ring, frame):
    """Sutherland-Hodgman: the ring cut to the frame (a rectangle, so convex)."""
    west, south, east, north = frame
    edges = [
        (lambda p: p[0] >= west, lambda a, b: cross_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: cross_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: cross_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: cross_y(a, b, north)),
    ]
    points = ring[:-1] if ring and ring[0] == ring[-1] else ring
    for inside, crossing in edges:
        if not points:
            break
        kept = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    kept.append(crossing(previous, point))
                kept.append(point)
            elif inside(previous):
                kept.append(crossing(previous, point))
            previous = point
        points = kept
    return points


def cross_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return [x, a[1] + t * (b[1] - a[1])]


def cross_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return [a[0] + t * (b[0] - a[0]), y]


def simplify(points, tolerance):
    """Douglas-Peucker, keeping both ends."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, distance = None, tolerance
        for index in range(first + 1, last):
            d = off_line(points[index], points[first], points[last])
            if d > distance:
                farthest, distance = index, d
        if farthest is not None:
            keep[farthest] = True
            stack.append((first, farthest))
            stack.append((farthest, last))
    return [p for p, k in zip(points, keep) if k]


def off_line(p, a, b):
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    if length == 0:
        return math.hypot(p[0] - a[0], p[1] - a[1])
    return abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length


def rounded(points):
    out = []
    for x, y in points:
        point = [round(x, 3), round(y, 3)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def in_frame(point, frame=FRAME):
    return frame[0] <= point[0] <= frame[2] and frame[1] <= point[1] <= frame[3]


def clipped_line(line):
    """The parts of a line inside the frame."""
    parts, part = [], []
    for point in line:
        if in_frame(point):
            part.append(point)
        elif part:
            parts.append(part)
            part = []
    if part:
        parts.append(part)
    return [p for p in parts if len(p) >= 2]


def lines_of(geometry):
    if geometry["type"] == "LineString":
        return [geometry["coordinates"]]
    return geometry["coordinates"]


def ring_for_fill(ring):
    """A ring cut to the frame and simplified, or None when nothing of it is left."""
    clipped = clip_ring(ring, FRAME)
    if len(clipped) < 3:
        return None
    closed = clipped + [clipped[0]]
    simple = rounded(simplify(closed, COUNTRY_TOLERANCE))
    if simple and simple[0] == simple[-1]:
        simple = simple[:-1]
    return simple if len(simple) >= 3 else None


def countries(directory):
    out = []
    for feature in read(directory, "countries_50m.geojson"):
        iso = feature["properties"]["iso_a2"]
        if iso not in COUNTRIES:
            continue
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        kept = []
        for polygon in polygons:
            outer = ring_for_fill(polygon[0])
            if outer is None:
                continue
            holes = [h for h in (ring_for_fill(r) for r in polygon[1:]) if h is not None]
            kept.append([outer] + holes)
        english, korean = COUNTRIES[iso]
        out.append({"iso": iso, "en": english, "ko": korean, "label": COUNTRY_LABELS[iso], "polygons": kept})
    return out


def borders(directory):
    out = []
    for feature in read(directory, "boundary_lines_land_10m.geojson"):
        properties = feature["properties"]
        if properties["featurecla"] == "Overlay limit":
            continue
        kind = "demarcation" if "Demarcation" in (properties["name"] or "") else "international"
        china_north_korea = {properties["adm0_left"], properties["adm0_right"]} == {"China", "North Korea"}
        lines = []
        for line in lines_of(feature["geometry"]):
            for part in clipped_line(line):
                simple = rounded(simplify(part, LINE_TOLERANCE))
                if len(simple) >= 2:
                    lines.append(simple)
        if lines:
            out.append({"kind": kind, "china_north_korea": china_north_korea, "lines": lines})
    return out


def rivers(directory):
    by_name = {}
    for feature in read(directory, "rivers_10m.geojson"):
        name = feature["properties"]["name"]
        for line in lines_of(feature["geometry"]):
            for part in clipped_line(line):
                simple = rounded(simplify(part, LINE_TOLERANCE))
                if len(simple) >= 2:
                    by_name.setdefault(name, []).append(simple)
    out = []
    for name, lines in sorted(by_name.items()):
        longest = max(lines, key=len)
        label = longest[len(longest) // 2] if name in LABELLED_RIVERS else None
        out.append({"en": name, "ko": RIVERS.get(name, ""), "label": label, "lines": lines})
    return out


def cities(directory):
    out = {}
    for feature in read(directory, "populated_places_10m.geojson"):
        properties = feature["properties"]
        name = properties["name"]
        korean = CITIES.get(name) or MINOR_CITIES.get(name)
        if korean and name not in out:
            lon, lat = feature["geometry"]["coordinates"]
            out[name] = {
                "en": CITY_NAMES.get(name, name),
                "ko": korean,
                "point": [round(lon, 3), round(lat, 3)],
                "capital": properties["feature"] == "Admin-0 capital",
                "minor": name in MINOR_CITIES,
                "population": properties["pop_max"],
            }
    missing = (set(CITIES) | set(MINOR_CITIES)) - set(out)
    if missing:
        sys.exit(f"these cities are not in the populated places: {sorted(missing)}")
    return sorted(out.values(), key=lambda c: -c["population"])


def provinces(directory):
    out = {}
    for feature in read(directory, "admin1_label_points_10m.geojson"):
        name = feature["properties"]["name"]
        if name in PROVINCES and name not in out:
            english, korean = PROVINCES[name]
            lon, lat = feature["geometry"]["coordinates"]
            out[name] = {"en": english, "ko": korean, "point": [round(lon, 3), round(lat, 3)]}
    return [out[name] for name in PROVINCES if name in out]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    directory = sys.argv[1]
    target = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(__file__), "..", "assets", "map", "ne-asia.json"
    )
    data = {
        "source": "Natural Earth 4.0.0 (public domain), naturalearthdata.com: admin-0 countries 1:50m, "
        "land boundaries, rivers, populated places and admin-1 label points 1:10m; cut, simplified "
        "and named in Korean by scripts/make_map.py",
        "frame": list(FRAME),
        "countries": countries(directory),
        "borders": borders(directory),
        "rivers": rivers(directory),
        "cities": cities(directory),
        "provinces": provinces(directory),
        "far_cities": [{"en": en, "ko": ko} for en, ko in FAR_CITIES.items()],
    }
    with open(target, "w", encoding="utf-8") as file:
        json.dump(data, file, ensure_ascii=False, separators=(",", ":"))
        file.write("\n")


if __name__ == "__main__":
    main()
