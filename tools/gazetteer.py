#!/usr/bin/env python3
"""Writes assets/gazetteer.csv: the places the app's users meet, with English, Korean and Chinese
names, kind, country, province and coordinates.

Coordinates and English names of the places marked `ne-places` and `ne-admin1` come from the
public-domain Natural Earth 1:10m layers (populated places; admin-1 label points, version 4.0.0),
as extracted for north-east Asia: pass the folder of the extracts as the first argument. The
Korean and Chinese names, and the places Natural Earth lacks (marked `added`, with coordinates to
about a kilometre from their public encyclopedia entries), were added by hand.

    python3 tools/gazetteer.py ../shared/data/natural-earth-ne-asia > assets/gazetteer.csv
"""
import csv
import json
import sys

# (Natural Earth name, country, English name, Korean, Chinese, kind, province)
FROM_PLACES = [
    ("Dandong", "CN", "Dandong", "단둥", "丹东", "city", "Liaoning"),
    ("Shenyeng", "CN", "Shenyang", "선양", "沈阳", "city", "Liaoning"),
    ("Dalian", "CN", "Dalian", "다롄", "大连", "city", "Liaoning"),
    ("Tonghua", "CN", "Tonghua", "퉁화", "通化", "city", "Jilin"),
    ("Baishan", "CN", "Baishan", "바이산", "白山", "city", "Jilin"),
    ("Linjiang", "CN", "Linjiang", "린장", "临江", "city", "Jilin"),
    ("Yanji", "CN", "Yanji", "옌지", "延吉", "city", "Jilin"),
    ("Helong", "CN", "Helong", "허룽", "和龙", "city", "Jilin"),
    ("Tumen", "CN", "Tumen", "투먼", "图们", "city", "Jilin"),
    ("Dunhua", "CN", "Dunhua", "둔화", "敦化", "city", "Jilin"),
    ("Wangqing", "CN", "Wangqing", "왕칭", "汪清", "county", "Jilin"),
    ("Changchun", "CN", "Changchun", "창춘", "长春", "city", "Jilin"),
    ("Jilin", "CN", "Jilin City", "지린시", "吉林市", "city", "Jilin"),
    ("Mudangiang", "CN", "Mudanjiang", "무단장", "牡丹江", "city", "Heilongjiang"),
    ("Harbin", "CN", "Harbin", "하얼빈", "哈尔滨", "city", "Heilongjiang"),
    ("Beijing", "CN", "Beijing", "베이징", "北京", "city", "Beijing"),
    ("Qingdao", "CN", "Qingdao", "칭다오", "青岛", "city", "Shandong"),
    ("Sinuiju", "KP", "Sinuiju", "신의주", "新义州", "city", "North Pyongan"),
    ("Hyeson", "KP", "Hyesan", "혜산", "惠山", "city", "Yanggang"),
    ("Manpo", "KP", "Manpo", "만포", "满浦", "city", "Chagang"),
    ("Chosan", "KP", "Chosan", "초산", "楚山", "county", "Chagang"),
    ("Kanggye", "KP", "Kanggye", "강계", "江界", "city", "Chagang"),
    ("Musan", "KP", "Musan", "무산", "茂山", "county", "North Hamgyong"),
    ("Chongjin", "KP", "Chongjin", "청진", "清津", "city", "North Hamgyong"),
    ("Sonbong", "KP", "Sonbong", "선봉", "先锋", "city", "Rason"),
    ("Pyongyang", "KP", "Pyongyang", "평양", "平壤", "city", "Pyongyang"),
    ("Kaesong", "KP", "Kaesong", "개성", "开城", "city", "North Hwanghae"),
    ("Hamhung", "KP", "Hamhung", "함흥", "咸兴", "city", "South Hamgyong"),
    ("Wonsan", "KP", "Wonsan", "원산", "元山", "city", "Kangwon"),
    ("Seoul", "KR", "Seoul", "서울", "首尔", "city", "Seoul"),
    ("Busan", "KR", "Busan", "부산", "釜山", "city", "Busan"),
    ("Incheon", "KR", "Incheon", "인천", "仁川", "city", "Incheon"),
    ("Gwangju", "KR", "Gwangju", "광주", "光州", "city", "Gwangju"),
    ("Daegu", "KR", "Daegu", "대구", "大邱", "city", "Daegu"),
    ("Daejeon", "KR", "Daejeon", "대전", "大田", "city", "Daejeon"),
    ("Ulsan", "KR", "Ulsan", "울산", "蔚山", "city", "Ulsan"),
    ("Jeju", "KR", "Jeju", "제주", "济州", "city", "Jeju"),
]

# (Natural Earth admin-1 name, country, English name, Korean, Chinese, province)
FROM_ADMIN1 = [
    ("Liaoning", "CN", "Liaoning Province", "랴오닝성", "辽宁省", "Liaoning"),
    ("Jilin", "CN", "Jilin Province", "지린성", "吉林省", "Jilin"),
    ("Shandong", "CN", "Shandong Province", "산둥성", "山东省", "Shandong"),
    ("Hebei", "CN", "Hebei Province", "허베이성", "河北省", "Hebei"),
    ("Ryanggang", "KP", "Yanggang Province", "양강도", "两江道", "Yanggang"),
    ("Hamgyŏng-bukto", "KP", "North Hamgyong Province", "함경북도", "咸镜北道", "North Hamgyong"),
    ("Hamgyŏng-namdo", "KP", "South Hamgyong Province", "함경남도", "咸镜南道", "South Hamgyong"),
    ("Chagang-do", "KP", "Chagang Province", "자강도", "慈江道", "Chagang"),
    ("P'yŏngan-bukto", "KP", "North Pyongan Province", "평안북도", "平安北道", "North Pyongan"),
    ("P'yŏngan-namdo", "KP", "South Pyongan Province", "평안남도", "平安南道", "South Pyongan"),
    ("Rason", "KP", "Rason", "라선", "罗先", "Rason"),
]

# Places Natural Earth lacks: (English, Korean, Chinese, kind, country, province, city, lat, lon)
ADDED = [
    ("Hunchun", "훈춘", "珲春", "city", "CN", "Jilin", "", 42.868, 130.358),
    ("Longjing", "룽징", "龙井", "city", "CN", "Jilin", "", 42.766, 129.423),
    ("Changbai", "창바이", "长白", "county", "CN", "Jilin", "", 41.420, 128.200),
    ("Ji'an", "지안", "集安", "city", "CN", "Jilin", "", 41.126, 126.194),
    ("Yanbian", "옌볜", "延边", "province", "CN", "Jilin", "", 42.905, 129.510),
    ("Heilongjiang Province", "헤이룽장성", "黑龙江省", "province", "CN", "Heilongjiang", "", 47.0, 128.0),
    ("Baiyin", "바이인", "白银", "city", "CN", "Gansu", "", 36.545, 104.138),
    ("Kunming", "쿤밍", "昆明", "city", "CN", "Yunnan", "", 25.040, 102.712),
    ("Nanning", "난닝", "南宁", "city", "CN", "Guangxi", "", 22.817, 108.366),
    ("Pingxiang", "핑샹", "凭祥", "city", "CN", "Guangxi", "", 22.094, 106.755),
    ("Hoeryong", "회령", "会宁", "city", "KP", "North Hamgyong", "", 42.443, 129.750),
    ("Onsong County", "온성군", "稳城郡", "county", "KP", "North Hamgyong", "", 42.957, 129.993),
    ("Namyang", "남양", "南阳", "city", "KP", "North Hamgyong", "Onsong", 42.956, 129.837),
    ("Sino-Korean Friendship Bridge", "조중우의교", "中朝友谊桥", "border crossing", "CN", "Liaoning", "Dandong", 40.117, 124.398),
    ("Chinese Embassy in Seoul", "주한 중국대사관", "中国驻韩国大使馆", "embassy", "KR", "Seoul", "Seoul", 37.5606, 126.9836),
    ("Myeongdong", "명동", "明洞", "other", "KR", "Seoul", "Seoul", 37.5636, 126.9827),
    ("Gwanghwamun Square", "광화문광장", "光化门广场", "plaza", "KR", "Seoul", "Seoul", 37.5725, 126.9769),
    ("Seoul Central Post Office", "서울중앙우체국", "", "building", "KR", "Seoul", "Seoul", 37.5634, 126.9817),
    ("Chinese Consulate General in Busan", "주부산 중국총영사관", "中国驻釜山总领事馆", "embassy", "KR", "Busan", "Busan", 35.1694, 129.0708),
    ("Chinese Consulate General in Gwangju", "주광주 중국총영사관", "中国驻光州总领事馆", "embassy", "KR", "Gwangju", "Gwangju", 35.1458, 126.8453),
    ("Chinese Consulate in New York", "주뉴욕 중국총영사관", "中国驻纽约总领事馆", "embassy", "US", "New York", "New York", 40.7614, -73.9990),
    ("Dag Hammarskjold Plaza", "다그 함마르셸드 광장", "", "plaza", "US", "New York", "New York", 40.7527, -73.9691),
    ("Chinese Embassy in Washington", "주미 중국대사관", "中国驻美国大使馆", "embassy", "US", "District of Columbia", "Washington", 38.9434, -77.0670),
    ("Palais des Nations", "팔레 데 나시옹", "万国宫", "building", "CH", "Geneva", "Geneva", 46.2266, 6.1404),
]


def main(folder):
    places = json.load(open(f"{folder}/populated_places_10m.geojson"))["features"]
    labels = json.load(open(f"{folder}/admin1_label_points_10m.geojson"))["features"]
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["name", "name_ko", "name_zh", "kind", "country", "province", "city", "latitude", "longitude", "source"])
    for ne_name, country, name, ko, zh, kind, province in FROM_PLACES:
        found = [f for f in places if f["properties"]["name"] == ne_name and f["properties"]["country"] == country]
        lon, lat = found[0]["geometry"]["coordinates"]
        out.writerow([name, ko, zh, kind, country, province, "", round(lat, 4), round(lon, 4), "ne-places"])
    for ne_name, country, name, ko, zh, province in FROM_ADMIN1:
        found = [f for f in labels if f["properties"]["name"] == ne_name and f["properties"]["country"] == country]
        lon, lat = found[0]["geometry"]["coordinates"]
        out.writerow([name, ko, zh, "province", country, province, "", round(lat, 4), round(lon, 4), "ne-admin1"])
    for name, ko, zh, kind, country, province, city, lat, lon in ADDED:
        out.writerow([name, ko, zh, kind, country, province, city, lat, lon, "added"])


if __name__ == "__main__":
    main(sys.argv[1])
