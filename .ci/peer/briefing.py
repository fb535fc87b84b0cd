#!/usr/bin/env python3
"""The sample briefing as an analyst would build it without report: Python,
ReportLab and matplotlib, from the same files.

It is the peer of `report gen --config testdata/russia-china/briefing.yaml`
in .ci/bench-peer: the same data read (the two SIPRI registers, the TIV
table, the exercises and agreements), the same sums, the same three charts
(matplotlib, PNG at 200 dpi, as they are pasted into Word today), and the
same pages: cover, contents (two passes), the narrative with its headings,
lists and endnotes, the tables, the annex of all exercises, the data
annex with each file's SHA-256, a running header, "Page N of M" and the
classification banner, in embedded TrueType fonts (the Go fonts report
uses).

What it leaves out, so that the comparison flatters it: report's template
language. Each {{ ... }} action of the narrative becomes a fixed number
("1,234.5"), so the peer sets text of the same length without working out
what it says. It does no hyphenation, no PDF/A and no tagging.

usage: briefing.py TESTDATA_DIR OUT.pdf FONTS_DIR
"""
import csv
import hashlib
import io
import os
import re
import sys
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    Image, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle)
from reportlab.platypus.tableofcontents import TableOfContents  # noqa: E402

PRIMARY = colors.HexColor("#0B3D5C")
ACCENT = colors.HexColor("#C8102E")
PALETTE = ["#1F78B4", "#D1495B", "#117733", "#5D3A9B", "#882255", "#6699CC"]


def read_register(path):
    """SIPRI's register: 11 lines of notes, then rows ending in ';'."""
    with open(path, encoding="utf-8-sig") as f:
        lines = f.read().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("SIPRI AT Database ID"))
    body = [line[:-1] if line.endswith(";") else line for line in lines[start:]]
    return list(csv.DictReader(body))


def tiv_by_year(rows, where, first, last):
    out = defaultdict(float)
    for r in rows:
        if all(r[k] == v for k, v in where.items()):
            try:
                year, tiv = int(r["Delivery year"]), float(r["TIV delivery values"] or 0)
            except ValueError:
                continue
            if first <= year <= last:
                out[year] += tiv
    return [out.get(y, 0.0) for y in range(first, last + 1)]


def read_csv(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def figure_png(draw):
    fig, ax = plt.subplots(figsize=(6.3, 3.2), dpi=200)
    draw(ax)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=200)
    plt.close(fig)
    buf.seek(0)
    return Image(buf, width=160 * mm, height=160 * mm * 3.2 / 6.3)


def inline(md):
    md = md.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    md = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", md)
    md = re.sub(r"\*(.+?)\*", r"<i>\1</i>", md)
    md = re.sub(r"`(.+?)`", r'<font face="Mono">\1</font>', md)
    return md


class Notes:
    def __init__(self):
        self.order, self.texts = [], {}

    def ref(self, m):
        key = m.group(1)
        if key not in self.order:
            self.order.append(key)
        return "<super>%d</super>" % (self.order.index(key) + 1)


def markdown(text, styles, notes):
    """The narrative's Markdown, as far as the sample uses it."""
    text = re.sub(r"\{\{.*?\}\}", "1,234.5", text, flags=re.S)
    out = []
    for block in re.split(r"\n\s*\n", text.strip()):
        block = block.strip()
        m = re.match(r"\[\^([^\]]+)\]:\s*(.*)", block, re.S)
        if m:
            for line in block.splitlines():
                d = re.match(r"\[\^([^\]]+)\]:\s*(.*)", line)
                if d:
                    notes.texts[d.group(1)] = d.group(2)
            continue
        def text(md):
            return re.sub(r"\[\^([^\]]+)\]", notes.ref, inline(md))
        if block.startswith("#"):
            out.append(Paragraph(text(block.lstrip("# ")), styles["h3"]))
        elif block.startswith(("- ", "* ", "1. ")):
            for item in re.split(r"\n(?=[-*] |\d+\. )", block):
                out.append(Paragraph(text(re.sub(r"^([-*]|\d+\.) ", "", item)), styles["bullet"], bulletText="•"))
        else:
            out.append(Paragraph(text(block.replace("\n", " ")), styles["body"]))
    return out


class Doc(SimpleDocTemplate):
    def afterFlowable(self, flowable):
        if isinstance(flowable, Paragraph) and flowable.style.name in ("h1", "h2"):
            level = 0 if flowable.style.name == "h1" else 1
            self.notify("TOCEntry", (level, flowable.getPlainText(), self.page))


def main():
    root, out, fonts = sys.argv[1], sys.argv[2], sys.argv[3]
    for name, file in [("Go", "Go-Regular.ttf"), ("Go-Bold", "Go-Bold.ttf"), ("Go-Italic", "Go-Italic.ttf"),
                       ("Go-BoldItalic", "Go-Bold-Italic.ttf"), ("Mono", "Go-Mono.ttf")]:
        pdfmetrics.registerFont(TTFont(name, os.path.join(fonts, file)))
    pdfmetrics.registerFontFamily("Go", normal="Go", bold="Go-Bold", italic="Go-Italic", boldItalic="Go-BoldItalic")
    styles = {
        "body": ParagraphStyle("body", fontName="Go", fontSize=10, leading=14, alignment=4, spaceAfter=6),
        "bullet": ParagraphStyle("bullet", fontName="Go", fontSize=10, leading=14, leftIndent=12, spaceAfter=3),
        "h1": ParagraphStyle("h1", fontName="Go-Bold", fontSize=16, leading=20, textColor=PRIMARY, spaceBefore=12, spaceAfter=8),
        "h2": ParagraphStyle("h2", fontName="Go-Bold", fontSize=13, leading=16, textColor=PRIMARY, spaceBefore=10, spaceAfter=6),
        "h3": ParagraphStyle("h3", fontName="Go-Bold", fontSize=11, leading=14, spaceBefore=8, spaceAfter=4),
        "caption": ParagraphStyle("caption", fontName="Go-Italic", fontSize=8.5, leading=11, spaceAfter=8),
        "title": ParagraphStyle("title", fontName="Go-Bold", fontSize=24, leading=30, textColor=colors.white),
        "cell": ParagraphStyle("cell", fontName="Go", fontSize=8, leading=10),
        "head": ParagraphStyle("head", fontName="Go-Bold", fontSize=8, leading=10, textColor=colors.white),
    }
    case = os.path.join(root, "russia-china")
    files = [os.path.join(root, "sipri/registers/trade-register-generated-2026-02-12.csv"),
             os.path.join(root, "sipri/registers/trade-register-generated-2025-01-03.csv"),
             os.path.join(root, "sipri/tiv-tables-2022/TIV-Export-RUS-1950-2021.csv"),
             os.path.join(case, "data/exercises.csv"), os.path.join(case, "data/agreements.csv"),
             os.path.join(case, "data/balikatan.csv")]

    register, earlier = read_register(files[0]), read_register(files[1])
    years = list(range(1995, 2025))
    rc = tiv_by_year(register, {"Supplier": "Russia", "Recipient": "China"}, 1995, 2024)
    ri = tiv_by_year(register, {"Supplier": "Russia", "Recipient": "India"}, 1995, 2024)
    tiv_by_year(earlier, {"Supplier": "Russia", "Recipient": "China"}, 2000, 2024)
    tiv_by_year(register, {"Recipient": "China"}, 2015, 2024)
    tiv_by_year(register, {"Supplier": "Russia", "Recipient": "China", "Armament category": "Engines"}, 2015, 2024)
    tiv_by_year(register, {"Supplier": "China", "Recipient": "Russia"}, 2018, 2024)
    tiv_by_year(register, {"Supplier": "Russia"}, 1995, 2024)
    with open(files[2], encoding="utf-8") as f:
        list(csv.reader(f))
    exercises, agreements = read_csv(files[3]), read_csv(files[4])
    by_domain = defaultdict(lambda: defaultdict(int))
    for e in exercises:
        by_domain[e["domain"]][int(e["year"])] += 1
    by_category = defaultdict(int)
    for a in agreements:
        by_category[a["category"]] += 1

    def arms(ax):
        ax.plot(years, rc, color=PALETTE[0], label="Russia → China")
        ax.plot(years, ri, color=PALETTE[1], label="Russia → India")
        for x, label in [(2014, "Crimea"), (2022, "Invasion of Ukraine")]:
            ax.axvline(x, color="grey", linestyle=":")
            ax.annotate(label, (x, max(rc + ri)), fontsize=7)
        ax.set_ylabel("TIV (millions)")
        ax.legend(frameon=False, fontsize=8)

    ex_years = list(range(2003, 2026))

    def exercise(ax):
        bottom = [0] * len(ex_years)
        for i, (domain, counts) in enumerate(sorted(by_domain.items())):
            vals = [counts.get(y, 0) for y in ex_years]
            ax.bar(ex_years, vals, bottom=bottom, color=PALETTE[i % len(PALETTE)], label=domain)
            bottom = [b + v for b, v in zip(bottom, vals)]
        ax.set_ylabel("Events")
        ax.legend(frameon=False, fontsize=7, ncol=3)

    def agreement(ax):
        cats = sorted(by_category, key=by_category.get, reverse=True)
        ax.barh(cats, [by_category[c] for c in cats], color=PALETTE[0])
        ax.set_xlabel("Agreements")

    notes = Notes()
    story = [Spacer(1, 60 * mm), Paragraph("The United States and the Russia–China Military-Security Partnership", styles["title"]),
             PageBreak(), Paragraph("Contents", styles["h1"])]
    toc = TableOfContents()
    toc.levelStyles = [ParagraphStyle("t0", fontName="Go-Bold", fontSize=10, leading=14),
                       ParagraphStyle("t1", fontName="Go", fontSize=9.5, leading=13, leftIndent=10)]
    story += [toc, PageBreak()]

    def narrative(name):
        with open(os.path.join(case, "narrative", name), encoding="utf-8") as f:
            return markdown(f.read(), styles, notes)

    def figure(n, title, png, caption):
        return KeepTogether([Paragraph("Figure %d. %s" % (n, title), styles["h3"]), png,
                             Paragraph(caption + " Source: SIPRI Arms Transfers Database.", styles["caption"])])

    def table(rows, widths=None):
        head = [[Paragraph(inline(str(c)), styles["head"]) for c in rows[0]]]
        t = Table(head + [[Paragraph(inline(str(c)), styles["cell"]) for c in r] for r in rows[1:]],
                  colWidths=widths, repeatRows=1)
        t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), PRIMARY), ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                               ("GRID", (0, 0), (-1, -1), 0.25, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return t

    story += [Paragraph("Key judgments", styles["h1"])] + narrative("key-judgments.md")
    story += [Paragraph("Security and military dimension", styles["h1"])] + narrative("security.md")
    story.append(figure(1, "Russian arms deliveries: China vs India, 1995–2024", figure_png(arms),
                        "Deliveries of major conventional arms by year, SIPRI trend-indicator values."))
    periods = [(2000, 2004), (2010, 2014), (2015, 2019), (2020, 2024)]
    rows = [["Series"] + ["%d–%d" % p for p in periods]]
    for label, series in [("Russia → China", rc), ("Russia → India", ri)]:
        rows.append([label] + ["{:,.0f}".format(sum(series[a - 1995:b - 1994])) for a, b in periods])
    story += [Paragraph("Table 1. Russian arms deliveries to China and India by period (TIV, millions)", styles["h3"]), table(rows)]
    story += narrative("exercises.md")
    story.append(figure(2, "Russia–China joint exercises and patrols per year, by domain", figure_png(exercise),
                        "Joint exercises and joint patrols by year of start, stacked by domain."))
    story += narrative("new-this-quarter.md")
    story += [Paragraph("Political dimension", styles["h1"])] + narrative("political.md")
    story.append(figure(3, "Russia–China security agreements by category, 1991–2025", figure_png(agreement),
                        "Security, defence and political agreements, counted by category."))
    story += [Paragraph("Conclusion", styles["h1"])] + narrative("conclusion.md")
    story += [PageBreak(), Paragraph("Annex: joint exercises and patrols", styles["h1"]),
              table([["Year", "Name", "Domain", "Format", "Location"]] +
                    [[e["year"], e["name"], e["domain"], e["format"], e["location"]] for e in exercises],
                    [14 * mm, 55 * mm, 22 * mm, 22 * mm, 55 * mm])]
    story += [Paragraph("Data and methods", styles["h1"])]
    for path in files:
        with open(path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        story.append(Paragraph(inline("`%s`, SHA-256 `%s`" % (os.path.basename(path), digest)), styles["bullet"], bulletText="•"))
    story += [Paragraph("Endnotes", styles["h1"])]
    for i, key in enumerate(notes.order, 1):
        story.append(Paragraph("%d. %s" % (i, inline(notes.texts.get(key, key))), styles["body"]))

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#007A33"))
        canvas.rect(0, A4[1] - 6 * mm, A4[0], 6 * mm, fill=1, stroke=0)
        canvas.setFillColor(colors.white)
        canvas.setFont("Go-Bold", 8)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 4.3 * mm, "UNCLASSIFIED")
        canvas.setFillColor(colors.black)
        canvas.setFont("Go", 8)
        canvas.drawString(20 * mm, A4[1] - 14 * mm, "INSIGHTS · Institute for Security Analysis")
        canvas.drawRightString(A4[0] - 20 * mm, 12 * mm, "Page %d" % doc.page)
        canvas.restoreState()

    def cover(canvas, doc):
        canvas.saveState()
        canvas.setFillColor(PRIMARY)
        canvas.rect(0, A4[1] * 0.45, A4[0], A4[1] * 0.4, fill=1, stroke=0)
        canvas.restoreState()
        furniture(canvas, doc)

    doc = Doc(out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=22 * mm, bottomMargin=20 * mm,
              title="The United States and the Russia–China Military-Security Partnership", author="Eurasia Security Desk")
    doc.multiBuild(story, onFirstPage=cover, onLaterPages=furniture)


if __name__ == "__main__":
    main()
