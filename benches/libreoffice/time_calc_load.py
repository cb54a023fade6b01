"""Times LibreOffice Calc loading the same records as the app, inside a running (warm) instance,
for the side-by-side figures of BENCHMARKS.md ("Opening a large dataset").

Needs Debian's libreoffice-calc and python3-uno. The records: `repatriation-watch export
DATASET.ron --csv CSV_DIR`.

Usage: /usr/bin/python3 benches/libreoffice/time_calc_load.py CSV_DIR [RUNS]
Converts each CSV of CSV_DIR to ODS once, then loads every file RUNS times (after one warm-up
load), and prints the median time of loading all of them, from ODS and from CSV.
"""
import os, subprocess, sys, tempfile, time, statistics
import uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

csv_dir = os.path.abspath(sys.argv[1]); runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
profile = tempfile.mkdtemp(prefix="calc-profile-")
office = subprocess.Popen(["/usr/lib/libreoffice/program/soffice", "--headless", "--invisible", "--norestore",
    "--nologo", f"-env:UserInstallation=file://{profile}", "--accept=socket,host=localhost,port=2002;urp;"])
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
for _ in range(120):
    try:
        ctx = resolver.resolve("uno:socket,host=localhost,port=2002;urp;StarOffice.ComponentContext"); break
    except Exception:
        time.sleep(0.5)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
csv_filter = (prop("Hidden", True), prop("FilterName", "Text - txt - csv (StarCalc)"), prop("FilterOptions", "44,34,76,1"))
names = ["incidents", "rallies", "sources", "places", "organizations"]
csvs = [uno.systemPathToFileUrl(os.path.join(csv_dir, f"{n}.csv")) for n in names]
odss = []
for n, url in zip(names, csvs):
    doc = desktop.loadComponentFromURL(url, "_blank", 0, csv_filter)
    ods = os.path.join(csv_dir, f"{n}.ods")
    doc.storeToURL(uno.systemPathToFileUrl(ods), (prop("FilterName", "calc8"),)); doc.close(True)
    odss.append(uno.systemPathToFileUrl(ods))

def load_all(urls, props):
    start = time.perf_counter()
    docs = [desktop.loadComponentFromURL(u, "_blank", 0, props) for u in urls]
    took = time.perf_counter() - start
    for d in docs: d.close(True)
    return took

for label, urls, props in [("ODS", odss, (prop("Hidden", True),)), ("CSV", csvs, csv_filter)]:
    load_all(urls, props)  # warm-up
    times = [load_all(urls, props) for _ in range(runs)]
    print(f"LibreOffice Calc, warm, loading the records from {label}: median {statistics.median(times):.2f} s of {runs} ({', '.join(f'{t:.2f}' for t in times)})")
try:
    desktop.terminate()
except Exception:
    pass
office.wait(timeout=60)
