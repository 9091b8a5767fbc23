"""The site's messages to editors in Vietnamese as well as English.

Every mistake an editor can make is reported in English at its file and line
(:class:`~dienbien.core.errors.SiteDataError`, the plugins' errors and warnings). The
tourism office reads Vietnamese, so each message is also given in Vietnamese, from the
catalogue below, before it is shown. The setting ``DIENBIEN_MESSAGES`` chooses what is shown:

- ``vi+en`` (the default): the Vietnamese message, then the English one on the next line;
- ``vi``: Vietnamese only (English where the catalogue has no Vietnamese yet);
- ``en``: English only.

A message is matched whole, then clause by clause (the parts between ``"; "``); an
untranslated part leaves the whole message in English, never half-translated.
:func:`install` puts the translation on MkDocs' log output; ``tools/check.py`` calls
:func:`localize` itself.
"""

from __future__ import annotations

import logging
import os
import re

MODE_ENV = "DIENBIEN_MESSAGES"
MODES = ("vi+en", "vi", "en")
#: Starts the English line under a Vietnamese message in ``vi+en`` mode.
ENGLISH = "(en) "

#: What the messages call the things a key names.
KINDS = {"figure": "số liệu", "source": "nguồn", "place": "địa điểm", "group": "dân tộc", "unit": "đơn vị",
         "event": "sự kiện", "chart": "biểu đồ", "block": "khối", "practical topic": "chủ đề thông tin thực tế",
         "shared price list": "bảng giá dùng chung", "shared fact": "thông tin dùng chung"}
_LANGUAGE_NAMES = {"English": "tiếng Anh", "Tiếng Việt": "tiếng Việt", "Vietnamese": "tiếng Việt"}

# (English pattern, Vietnamese template). A group named ``*_t`` is itself translated; ``kind`` goes
# through KINDS; ``lang`` through _LANGUAGE_NAMES; other groups are copied as they are (keys, paths,
# values the editor wrote).
_WHOLE: list[tuple[str, str]] = [
    (r"'(?P<p>.+)' is a note for editors and appears in the text of (?P<url>\S+) \((?P<l>\w+)\); (?P<instead>.*) "
     r"\(phrases: (?P<at>[^)]*)\)",
     "'{p}' là ghi chú cho người biên tập nhưng lại hiện trong bài của trang {url} ({l}); {instead} "
     "(danh sách các cụm từ này: {at})"),
    (r"editors' notes in the reading text:", "ghi chú của người biên tập lọt vào bài đọc:"),
    (r"'(?P<s>[^']*)' is too large to process safely \((?P<size>[^;]*); the limit is (?P<n>\d+) megapixels\)"
     r"(?:; (?P<hint_t>.*))?",
     "ảnh '{s}' quá lớn để xử lý an toàn ({size}; giới hạn là {n} triệu điểm ảnh){hint_t_semi}"),
    (r"'(?P<a>.+)': write '(?P<b>.+)'", "'{a}': viết là '{b}' (theo bảng thuật ngữ data/glossary.yml)"),
    (r"this page has no (?P<lang>.+?) version \((?P<f>[^)]+)\); translate it, or add 'translation: pending' to "
     r"its front matter to show it to (?P<lang2>.+?) readers with a notice",
     "trang này chưa có bản {lang} ({f}); hãy dịch, hoặc thêm 'translation: pending' vào phần đầu trang "
     "(front matter) để bạn đọc {lang2} xem trang này kèm một dòng thông báo"),
    (r"link to '(?P<t>[^']*)': there is no page (?P<p>\S+); check the path \(links are relative to this page's "
     r"folder\)",
     "liên kết '{t}': không có trang {p}; hãy kiểm tra đường dẫn (đường dẫn tính từ thư mục của trang này)"),
    (r"link to '(?P<t>[^']*)': (?P<p>\S+) has no heading or anchor '(?P<a>[^']*)'; anchors are the heading in "
     r"lower case, without accents, words joined by '-'",
     "liên kết '{t}': trang {p} không có tiêu đề hay neo '{a}'; neo là tiêu đề viết thường, bỏ dấu, "
     "các từ nối bằng '-'"),
    (r"page '(?P<p>[^']*)' does not exist in (?P<d>\S+); write the path of a page there, e.g. (?P<e>\S+)",
     "không có trang '{p}' trong {d}; hãy ghi đường dẫn của một trang có trong thư mục đó, ví dụ {e}"),
    (r"offline_essentials: there is no page (?P<p>\S+) in (?P<d>\S+); list pages by their path under "
     r"content/<language>/, e.g. (?P<e>\S+)",
     "offline_essentials: không có trang {p} trong {d}; hãy ghi đường dẫn của trang trong content/<ngôn ngữ>/, "
     "ví dụ {e}"),
    (r"image '(?P<s>[^']*)' does not exist: there is no file (?P<f>\S+); check the name and the folder \(a path "
     r"is relative to the page's folder; one starting with / to content/, e\.g\. /anh/x\.jpg\)",
     "không có ảnh '{s}': không tìm thấy tệp {f}; hãy kiểm tra tên tệp và thư mục (đường dẫn tính từ thư mục "
     "của trang; đường dẫn bắt đầu bằng / thì tính từ content/, ví dụ /anh/x.jpg)"),
    (r"image '(?P<s>[^']*)' does not exist: there is no file (?P<f>\S+)", "không có ảnh '{s}': không tìm thấy tệp {f}"),
    (r"<img src=\"(?P<s>[^\"]*)\"> is not processed for phones; write it as Markdown, !\[what it shows\]\((?P=s)\), "
     r"so the site can make its smaller sizes",
     "thẻ <img src=\"{s}\"> không được xử lý cho điện thoại; hãy viết bằng Markdown, ![ảnh cho thấy gì]({s}), "
     "để trang web tạo được các cỡ ảnh nhỏ hơn"),
]

_CLAUSES: list[tuple[str, str]] = [
    # -- keys and fields
    (r"unknown (?P<kind>figure|source|place|group|unit|event|chart|shared price list|shared fact) key "
     r"'(?P<k>[^']*)'",
     "không có {kind} nào mang mã '{k}'"),
    (r"did you mean '(?P<k>[^']*)'\?(?: \((?P<where_t>.*)\))?", "có phải ý bạn là '{k}'?{where_t_paren}"),
    (r"figures are defined in data/figures/\*\.yml", "các số liệu nằm trong data/figures/*.yml"),
    (r"sources are defined in (?P<f>\S+)", "các nguồn nằm trong {f}"),
    (r"units are defined in data/units\.yml", "các đơn vị nằm trong data/units.yml"),
    (r"places are defined in data/places\.yml", "các địa điểm nằm trong data/places.yml"),
    (r"places are listed in data/places\.yml: (?P<l>.*)", "các địa điểm nằm trong data/places.yml: {l}"),
    (r"(?P<kind>group|event|place|shared price list|shared fact)s are defined in (?P<f>\S+)",
     "các {kind} nằm trong {f}"),
    (r"unknown field", "trường không hợp lệ"),
    (r"allowed: (?P<l>.*)", "các trường được dùng: {l}"),
    (r"missing field '(?P<k>[^']*)'", "thiếu trường '{k}'"),
    (r"add '(?P<k>[^']*)' to this entry", "thêm '{k}' vào mục này"),
    (r"add '(?P<k>[^']*):' to this entry", "thêm '{k}:' vào mục này"),
    (r"unknown value (?P<v>.*)", "giá trị {v} không hợp lệ"),
    (r"use one of: (?P<l>.*)", "hãy dùng một trong các giá trị: {l}"),
    (r"unknown approx (?P<v>.*)", "giá trị approx {v} không hợp lệ"),
    (r"unknown language '(?P<l>[^']*)'", "không có ngôn ngữ '{l}'"),
    (r"languages are: (?P<l>.*)", "các ngôn ngữ là: {l}"),
    (r"missing the '(?P<l>[^']*)' text", "thiếu nội dung '{l}'"),
    (r"add '(?P<l>[^']*): …'", "thêm '{l}: …'"),
    (r"missing the '(?P<l>[^']*)' pattern", "thiếu mẫu '{l}'"),
    (r"add '(?P<l>[^']*): \"\{n\} …\"'", "thêm '{l}: \"{{n}} …\"'"),
    (r"duplicate key '(?P<k>[^']*)' \(first defined at line (?P<n>\d+)\)", "mã '{k}' bị trùng (đã có ở dòng {n})"),
    (r"keep one of them", "chỉ giữ lại một"),
    (r"(?P<kind>figure|source) '(?P<k>[^']*)' is already defined at (?P<at>\S+)", "{kind} '{k}' đã có ở {at}"),
    (r"give it another key or remove one", "đặt mã khác hoặc bỏ bớt một"),
    (r"(?P<kind>place|group|event|shared price list|shared fact) '(?P<k>[^']*)' is already listed at line "
     r"(?P<n>\d+)",
     "{kind} '{k}' đã có ở dòng {n}"),
    (r"figure key (?P<k>.*) may only use a-z, 0-9 and _", "mã số liệu {k} chỉ được dùng a-z, 0-9 và _"),
    (r"(?P<k>.*) may only use a-z, 0-9 and hyphens", "{k} chỉ được dùng a-z, 0-9 và dấu gạch nối -"),
    (r"e\.g\. (?P<e>[\w\-/.]+(?:, [\w\-]+)*)", "ví dụ {e}"),
    # -- values
    (r"expected a number, got (?P<v>.*)", "cần một con số, nhưng đang ghi {v}"),
    (r"write the bare number \(310000, 15\.96\) and put words like 'hơn' in approx",
     "chỉ ghi con số (310000, 15.96); chữ như 'hơn', 'khoảng' thì chọn ở approx"),
    (r"(?P<v>[\d.]+) is read as a decimal number, not as (?P<n>\d+)",
     "{v} được hiểu là số thập phân, không phải {n}"),
    (r"write (?P<n>\d+) without dots \(the site adds separators\)",
     "ghi {n} không có dấu chấm (trang web tự thêm dấu phân cách hàng nghìn)"),
    (r"not a number: (?P<v>.*)", "không phải một con số: {v}"),
    (r"expected text, got (?P<v>.*)", "cần một đoạn chữ, nhưng đang ghi {v}"),
    (r"put it in quotes: (?P<v>.*)", "đặt trong dấu ngoặc kép: {v}"),
    (r"expected (?P<what_t>.+) \(key: value lines\), got (?P<v>.*)",
     "cần {what_t} (các dòng dạng tên: giá trị), nhưng đang ghi {v}"),
    (r"HTML is not allowed here: (?P<v>.*)", "không được dùng HTML ở đây: {v}"),
    (r"write plain text; use Markdown in content/ pages for links and emphasis",
     "chỉ ghi chữ thường; liên kết và chữ nhấn mạnh viết bằng Markdown trong các trang ở content/"),
    (r"write plain text", "chỉ ghi chữ thường"),
    (r"use Markdown in content/ pages for links and emphasis",
     "liên kết và chữ nhấn mạnh viết bằng Markdown trong các trang ở content/"),
    (r"expected a date written YYYY-MM-DD, got (?P<v>.*)", "cần một ngày dạng YYYY-MM-DD, nhưng đang ghi {v}"),
    (r"expected a date, got (?P<v>.*)", "cần một ngày, nhưng đang ghi {v}"),
    (r"write the date as 2026-03-08, or 2026-03 / 2026 when only the month or year is known",
     "ghi ngày dạng 2026-03-08, hoặc 2026-03 / 2026 khi chỉ biết tháng hay năm"),
    (r"'(?P<v>[^']*)' is not a real date \((?P<why>.*)\)", "'{v}' không phải một ngày có thật ({why})"),
    (r"write an existing date as YYYY-MM-DD, e\.g\. 2026-03-08",
     "ghi một ngày có thật dạng YYYY-MM-DD, ví dụ 2026-03-08"),
    (r"expected a decimal coordinate between (?P<a>\S+) and (?P<b>\S+), got (?P<v>.*)",
     "cần tọa độ dạng số thập phân trong khoảng {a} đến {b}, nhưng đang ghi {v}"),
    (r"expected a web address starting with https://, got (?P<v>.*)",
     "cần một địa chỉ web bắt đầu bằng https://, nhưng đang ghi {v}"),
    (r"expected a year like 2019, got (?P<v>.*)", "cần một năm như 2019, nhưng đang ghi {v}"),
    (r"expected a time written HH:MM \(24-hour\), got (?P<v>.*)", "cần giờ dạng HH:MM (24 giờ), nhưng đang ghi {v}"),
    (r"e\.g\. time: \"19:30\"", "ví dụ time: \"19:30\""),
    (r"expected a 24-hour time in quotes, e\.g\. \"07:30\", got (?P<v>.*)",
     "cần giờ dạng 24 giờ trong dấu ngoặc kép, ví dụ \"07:30\", nhưng đang ghi {v}"),
    (r"closes before it opens", "giờ đóng cửa sớm hơn giờ mở cửa"),
    (r"write the times as 24-hour \"HH:MM\"", "ghi giờ dạng 24 giờ \"HH:MM\""),
    (r"a price cannot be negative", "giá vé không thể âm"),
    (r"write 0 for free entry", "ghi 0 nếu vào cửa miễn phí"),
    (r"expected (?P<what>lunar day|solar day|day|month|lunar month|solar month) from (?P<a>\d+) to (?P<b>\d+), "
     r"got (?P<v>.*)", "cần {what_vi} từ {a} đến {b}, nhưng đang ghi {v}"),
    (r"expected one (?P<what>\w+) or a list of the first and last: \[22, 25\]",
     "cần một {what_vi} hoặc danh sách ngày đầu và ngày cuối: [22, 25]"),
    (r"the last (?P<what>\w+) \((?P<b>\d+)\) comes before the first \((?P<a>\d+)\)",
     "{what_vi} cuối ({b}) đứng trước {what_vi} đầu ({a})"),
    # -- lists
    (r"expected a list of items, each starting with '- \{vi: …, en: …\}'",
     "cần một danh sách, mỗi mục bắt đầu bằng '- {{vi: …, en: …}}'"),
    (r"expected a list of (?P<kind>\w+|shared fact) keys: \[key1, key2\]", "cần một danh sách mã {kind}: [ma1, ma2]"),
    (r"expected a list with one item, starting with (?P<ex>'.*')", "cần một danh sách có một mục, bắt đầu bằng {ex}"),
    (r"only one item is allowed here", "ở đây chỉ được có một mục"),
    (r"put every period or ticket in the first item and remove this one",
     "gộp mọi khoảng giờ hay loại vé vào mục đầu và bỏ mục này"),
    (r"expected a list of periods, each (?P<ex>'[^']*') with open: (?P<a>\S+) and close: (?P<b>\S+)",
     "cần một danh sách khoảng giờ, mỗi mục bắt đầu bằng {ex}, kèm open: {a} và close: {b}"),
    (r"expected a list of tickets, each (?P<ex>'[^']*') with vnd: (?P<a>\S+) \(0 for free\)",
     "cần một danh sách loại vé, mỗi mục bắt đầu bằng {ex}, kèm vnd: {a} (ghi 0 nếu miễn phí)"),
    (r"expected a list of (?P<what>.+?), each (?:starting with )?(?P<ex>'.*'.*)",
     "cần một danh sách {what_vi}, mỗi mục bắt đầu bằng {ex}"),
    (r"expected a list of (?P<what>.+?)(?:: (?P<ex>.*)|, e\.g\. (?P<ex2>.*))?",
     "cần một danh sách {what_vi}{ex_colon}"),
    (r"expected a list, e\.g\. (?P<ex>.*)", "cần một danh sách, ví dụ {ex}"),
    (r"expected a whole number", "cần một số nguyên"),
    (r"expected 0 \(before\), a phase number, or the last phase \+ 1 \(after\)",
     "cần 0 (trước chiến dịch), số của một đợt, hoặc số đợt cuối + 1 (sau chiến dịch)"),
    (r"expected 12 months, found (?P<n>\d+)", "cần đủ 12 tháng, hiện có {n}"),
    (r"expected month (?P<n>\d+) here \(months go 1 to 12, in order\)",
     "ở đây cần tháng {n} (các tháng đi từ 1 đến 12, theo thứ tự)"),
    # -- events
    (r"calendar: not_given cannot have a month or days", "calendar: not_given không đi kèm month hay days"),
    (r"use solar or lunar, or remove month and days",
     "dùng solar (dương lịch) hoặc lunar (âm lịch), hoặc bỏ month và days"),
    (r"add 'text:' with the timing as the page shows it, or use calendar: not_given",
     "thêm 'text:' ghi thời gian như trang sẽ hiển thị, hoặc dùng calendar: not_given"),
    (r"the edition ends \((?P<b>[^)]*)\) before it starts \((?P<a>[^)]*)\)",
     "kỳ tổ chức này kết thúc ({b}) trước khi bắt đầu ({a})"),
    (r"a time is for a one-day edition", "giờ (time) chỉ dùng cho kỳ tổ chức trong một ngày"),
    (r"give the opening as its own edition, or remove end", "ghi lễ khai mạc thành một kỳ riêng, hoặc bỏ end"),
    (r"give either time or part, not both", "chỉ ghi time hoặc part, không ghi cả hai"),
    (r"an edition needs at least one source", "mỗi kỳ tổ chức cần ít nhất một nguồn (sources)"),
    (r"days need a month", "có days thì phải có month"),
    (r"add 'month:'", "thêm 'month:'"),
    (r"an anniversary recurs on its solar date", "ngày kỷ niệm lặp lại theo ngày dương lịch"),
    (r"set when: calendar: solar, month: (?P<m>\d+), days: (?P<d>\d+)",
     "đặt when: calendar: solar, month: {m}, days: {d}"),
    # -- figures, units, places, maps, timeline
    (r"a plural pattern needs an 'other' form", "mẫu số nhiều cần có dạng 'other'"),
    (r"a pattern must contain \{n\} where the number goes, got (?P<v>.*)",
     "mẫu phải có {{n}} ở chỗ đặt con số, nhưng đang ghi {v}"),
    (r"file not found", "không tìm thấy tệp"),
    (r"the units that figures use are defined here", "các đơn vị mà số liệu dùng được khai báo ở tệp này"),
    (r"no x label for '(?P<k>[^']*)'", "chưa có nhãn trục ngang cho '{k}'"),
    (r"add (?P<k>\w+): \"2024\"", "thêm {k}: \"2024\""),
    (r"give both lat and lon, or neither", "ghi cả lat và lon, hoặc không ghi cả hai"),
    (r"coordinates need their source: give lat, lon and coordinates_source \(a key of data/sources/\*\.yml\) "
     r"together, or none of them",
     "tọa độ cần có nguồn: ghi cùng lúc lat, lon và coordinates_source (một mã trong data/sources/*.yml), "
     "hoặc không ghi cái nào"),
    (r"write the photo's path from the content folder, starting with /: '(?P<a>[^']*)' for (?P<b>\S+)",
     "ghi đường dẫn ảnh tính từ thư mục content, bắt đầu bằng /: '{a}' cho {b}"),
    (r"a decorative photo has no alt text", "ảnh trang trí thì không có chú thích (alt)"),
    (r"remove 'decorative: true' if it carries information, or remove the alt",
     "bỏ 'decorative: true' nếu ảnh mang thông tin, hoặc bỏ alt"),
    (r"the photo needs alt text in every language, alt: \{vi: …, en: …\}, saying what it shows",
     "ảnh cần chú thích (alt) bằng mọi ngôn ngữ, alt: {{vi: …, en: …}}, nói ảnh cho thấy gì"),
    (r"a purely decorative photo is marked 'decorative: true'", "ảnh chỉ để trang trí thì ghi 'decorative: true'"),
    (r"there is no file (?P<f>\S+)", "không có tệp {f}"),
    (r"check the name and the folder", "hãy kiểm tra tên tệp và thư mục"),
    (r"give either place: \(a key of data/places\.yml\) or name: \{vi: …, en: …\}",
     "ghi place: (một mã trong data/places.yml) hoặc name: {{vi: …, en: …}}, không ghi cả hai"),
    (r"south must be below north and west left of east", "south phải nhỏ hơn north và west phải nhỏ hơn east"),
    (r"the borders were drawn for another frame than data/map\.yml's",
     "đường biên được vẽ cho một khung khác với khung trong data/map.yml"),
    (r"cannot read the map's borders: (?P<e>.*)", "không đọc được đường biên của bản đồ: {e}"),
    (r"write (?:them|it) again with: (?P<c>.*)", "tạo lại bằng lệnh: {c}"),
    (r"inset: unknown place '(?P<k>[^']*)'", "inset: không có địa điểm '{k}'"),
    (r"not a valid regular expression: (?P<e>.*)", "không phải biểu thức chính quy hợp lệ: {e}"),
    (r"expected the page's path in content/<lang>/, got (?P<v>.*)",
     "cần đường dẫn của trang trong content/<ngôn ngữ>/, nhưng đang ghi {v}"),
    (r"give the opening hours as periods, or a note \(seasonal or evening openings\)",
     "ghi giờ mở cửa thành periods, hoặc một note (mở cửa theo mùa, buổi tối)"),
    (r"this file is for the place '(?P<a>[^']*)' \(its name\), not '(?P<b>[^']*)'",
     "tệp này dành cho địa điểm '{a}' (theo tên tệp), không phải '{b}'"),
    (r"write place: (?P<a>\S+)", "ghi place: {a}"),
    (r"another place's facts go in their own file, (?P<f>\S+)",
     "thông tin của địa điểm khác thì ghi vào tệp riêng của địa điểm đó, {f}"),
    (r"give the place's own price or a shared price list, not both",
     "chỉ ghi giá vé riêng của địa điểm hoặc một bảng giá dùng chung, không ghi cả hai"),
    (r"remove price or shared_price", "bỏ price hoặc shared_price"),
    # -- pages
    (r"front matter must be 'key: value' lines", "phần đầu trang (front matter) phải gồm các dòng 'tên: giá trị'"),
    (r"front matter: YAML syntax error: (?P<e_t>.*)", "phần đầu trang (front matter): lỗi cú pháp YAML: {e_t}"),
    (r"check the lines between the two '---'", "hãy kiểm tra các dòng giữa hai dòng '---'"),
    (r"unknown block '(?P<k>[^']*)'", "không có khối '{k}'"),
    (r"blocks are: (?P<l>.*)", "các khối là: {l}"),
    (r"unknown event '(?P<k>[^']*)'", "không có lễ hội, sự kiện '{k}'"),
    (r"events in data/events\.yml: (?P<l>.*)", "các lễ hội, sự kiện trong data/events.yml: {l}"),
    (r"block '(?P<k>[^']*)' needs (?P<f>\S+), which does not exist", "khối '{k}' cần tệp {f}, nhưng tệp này không có"),
    (r"\{\{ block\.plan \}\} belongs on the page of a relic site or destination",
     "{{{{ block.plan }}}} chỉ dùng trên trang của một di tích hay điểm đến"),
    (r"remove it from this page", "hãy bỏ dòng này khỏi trang"),
    (r"unknown practical topic '(?P<k>[^']*)'", "không có chủ đề thông tin thực tế '{k}'"),
    (r"topics are: (?P<l>.*)", "các chủ đề là: {l}"),
    (r"unknown chart '(?P<k>[^']*)'", "không có biểu đồ '{k}'"),
    (r"charts are defined in data/charts\.yml: (?P<l>.*)", "các biểu đồ nằm trong data/charts.yml: {l}"),
    (r"offline essentials: there is no page at /(?P<p>\S+)", "offline_essentials: không có trang /{p}"),
    (r"list pages by their Markdown path, e\.g\. (?P<e>\S+)", "ghi trang bằng đường dẫn tệp Markdown, ví dụ {e}"),
    (r"this page is too short to publish: (?P<n>\d+) words? \(at least (?P<m>\d+)\)",
     "trang quá ngắn để đăng: {n} chữ (cần ít nhất {m})"),
    (r"write at least (?P<m>\d+) words, or mark it 'short: true' in its front matter if it is meant to be brief",
     "viết ít nhất {m} chữ"),
    # -- images
    (r"image (?P<s>\S+) has no alt text", "ảnh {s} chưa có chú thích (alt)"),
    (r"describe what it shows in the page's language: (?P<ex>!\[.*\]\(\S+\))",
     "mô tả ảnh cho thấy gì, bằng ngôn ngữ của trang: {ex}"),
    (r"a purely decorative image is written (?P<ex>.*)", "ảnh chỉ để trang trí thì viết {ex}"),
    (r"image (?P<s>\S+) is marked decorative but has alt text",
     "ảnh {s} được đánh dấu trang trí nhưng lại có chú thích"),
    (r"remove '\{ \.decorative \}' if the image carries information, or empty the \[brackets\]",
     "bỏ '{{ .decorative }}' nếu ảnh mang thông tin, hoặc để trống phần [ ]"),
    (r"image '(?P<s>[^']*)' does not exist", "không có ảnh '{s}'"),
    (r"'(?P<s>[^']*)' is a folder, not an image", "'{s}' là một thư mục, không phải ảnh"),
    (r"'(?P<s>[^']*)' is damaged and cannot be read \((?P<e>.*)\)", "ảnh '{s}' bị hỏng, không đọc được ({e})"),
    (r"'(?P<s>[^']*)' is not an image the site can read \(the file is damaged, or it is not a JPEG, PNG or WebP "
     r"image\)", "'{s}' không phải ảnh mà trang web đọc được (tệp bị hỏng, hoặc không phải ảnh JPEG, PNG hay WebP)"),
    (r"'(?P<s>[^']*)' is a HEIC photo \(the iPhone's format\), which browsers cannot show",
     "'{s}' là ảnh HEIC (định dạng của iPhone), trình duyệt không hiển thị được"),
    (r"'(?P<s>[^']*)' is a (?P<f>\w+) image; the site publishes JPEG, PNG and WebP",
     "'{s}' là ảnh {f}; trang web chỉ đăng ảnh JPEG, PNG và WebP"),
    (r"'(?P<s>[^']*)' is an animated image; the site publishes still photos",
     "'{s}' là ảnh động; trang web chỉ đăng ảnh tĩnh"),
    (r"'(?P<s>[^']*)' is too large to process safely \((?P<size>[^;]*); the limit is (?P<n>\d+) megapixels\)",
     "ảnh '{s}' quá lớn để xử lý an toàn ({size}; giới hạn là {n} triệu điểm ảnh)"),
    (r"export it as JPEG \(on the iPhone: Settings → Camera → Formats → Most Compatible\) and reference the \.jpg "
     r"file", "hãy xuất ảnh sang JPEG (trên iPhone: Cài đặt → Camera → Định dạng → Tương thích nhất) và ghi tên tệp "
     ".jpg"),
    (r"open it in an image editor and save it again as JPEG \(photos\) or PNG",
     "mở ảnh bằng một phần mềm sửa ảnh rồi lưu lại dưới dạng JPEG (ảnh chụp) hoặc PNG"),
    (r"save it as JPEG \(photos\) or PNG \(drawings, images with transparency\)",
     "lưu lại dưới dạng JPEG (ảnh chụp) hoặc PNG (hình vẽ, ảnh có nền trong suốt)"),
    (r"save one frame as JPEG or PNG", "lưu một khung hình dưới dạng JPEG hoặc PNG"),
    (r"'(?P<s>[^']*)' is a (?P<f>\w+) image", "'{s}' là ảnh {f}"),
    (r"the site publishes JPEG, PNG and WebP", "trang web chỉ đăng ảnh JPEG, PNG và WebP"),
    (r"'(?P<s>[^']*)' is an animated image", "'{s}' là ảnh động"),
    (r"the site publishes still photos", "trang web chỉ đăng ảnh tĩnh"),
    (r"resize it to at most 4000 pixels on its longest side and save it again",
     "thu nhỏ ảnh để cạnh dài nhất không quá 4000 điểm ảnh rồi lưu lại"),
    (r"check the file name and its folder \(the path is relative to the page's folder\)",
     "hãy kiểm tra tên tệp và thư mục (đường dẫn tính từ thư mục của trang)"),
    (r"write the path of an image file", "hãy ghi đường dẫn của một tệp ảnh"),
    (r"export the photo again from the camera or editor and replace the file",
     "hãy xuất lại ảnh từ máy ảnh hoặc phần mềm sửa ảnh rồi thay tệp này"),
    # -- YAML (core/data/yamlfile.py)
    (r"YAML syntax error: (?P<e_t>.*)", "lỗi cú pháp YAML: {e_t}"),
    (r"YAML error: (?P<e>.*)", "lỗi YAML: {e}"),
    (r"a tab is used to indent this line", "dòng này thụt lề bằng phím Tab"),
    (r"a tab character is used for indentation", "dòng này thụt lề bằng phím Tab"),
    (r"YAML only allows spaces: replace the tab with spaces",
     "YAML chỉ cho thụt lề bằng dấu cách: thay Tab bằng dấu cách"),
    (r"the quotation mark (?P<q>\S) opened on this line is never closed", "dấu ngoặc {q} mở ở dòng này chưa được đóng"),
    (r"add the closing (?P<q>\S) at the end of the text on this line",
     "thêm dấu {q} đóng ở cuối đoạn chữ trên dòng này"),
    (r"the '(?P<a>\S)' opened on this line is not closed with '(?P<b>\S)'",
     "dấu '{a}' mở ở dòng này chưa được đóng bằng '{b}'"),
    (r"close it with '(?P<b>\S)' on the same line", "đóng bằng '{b}' ngay trên dòng này"),
    (r"put a text that contains ',' or ': ' in quotes, e\.g\. (?P<ex>.*)",
     "đoạn chữ có dấu ',' hay ': ' thì đặt trong dấu ngoặc kép, ví dụ {ex}"),
    (r"no ':' after '(?P<k>[^']*)'", "thiếu dấu ':' sau '{k}'"),
    (r"write '(?P<k>[^']*): ' followed by the value", "viết '{k}: ' rồi đến giá trị"),
    (r"no space after '(?P<k>[^']*):'", "thiếu dấu cách sau '{k}:'"),
    (r"write '(?P<k>[^']*): ' with a space before the value", "viết '{k}: ', có một dấu cách trước giá trị"),
    (r"this line has no ':' between the name and the value", "dòng này thiếu dấu ':' giữa tên và giá trị"),
    (r"write 'name: value'", "viết 'tên: giá trị'"),
    (r"this line is indented more than line (?P<n>\d+) above it", "dòng này thụt lề sâu hơn dòng {n} ở trên"),
    (r"start it in the same column as line (?P<n>\d+) \((?P<s>\d+) spaces\), or under the name it belongs to",
     "cho dòng này bắt đầu cùng cột với dòng {n} ({s} dấu cách), hoặc thẳng dưới tên mà nó thuộc về"),
    (r"a value on this line contains ': '", "giá trị trên dòng này có dấu ': '"),
    (r"put the text in quotes, e\.g\. (?P<ex>.*)", "đặt đoạn chữ trong dấu ngoặc kép, ví dụ {ex}"),
    (r"a list item starts with '-' and no space", "mục danh sách bắt đầu bằng '-' mà không có dấu cách"),
    (r"write '- ' \(a dash, then a space\)", "viết '- ' (dấu gạch, rồi một dấu cách)"),
    (r"this line is not indented like the lines of its entry", "dòng này thụt lề không khớp với các dòng cùng mục"),
    (r"line (?P<n>\d+) above starts at column (?P<a>\d+), this one at column (?P<b>\d+): the lines of one entry "
     r"start in the same column \(spaces only\)",
     "dòng {n} ở trên bắt đầu ở cột {a}, dòng này ở cột {b}: các dòng của cùng một mục phải bắt đầu cùng một cột "
     "(chỉ dùng dấu cách)"),
    (r"the lines of one entry start in the same column \(spaces only\)",
     "các dòng của cùng một mục phải bắt đầu cùng một cột (chỉ dùng dấu cách)"),
    (r"check the indentation and the quotes around this line", "hãy kiểm tra thụt lề và dấu ngoặc kép quanh dòng này"),
    (r"the file cannot be read", "không đọc được tệp"),
    (r"the file is not UTF-8 text", "tệp không phải văn bản UTF-8"),
    (r"save it as UTF-8", "hãy lưu lại với bảng mã UTF-8"),
    # -- addresses (English slugs) and the browser editor
    (r"expected one word of the address, got (?P<v>.*)", "cần một từ của địa chỉ, nhưng đang ghi {v}"),
    (r"write it as lower-case words joined by hyphens, e\.g\. slug: (?P<e>\S+)",
     "viết bằng chữ thường, các từ nối bằng dấu gạch nối, ví dụ slug: {e}"),
    (r"expected one line per page: 'path/index\.md: \{en: word\}'",
     "cần mỗi trang một dòng: 'path/index.md: {{en: word}}'"),
    (r"(?P<v>.*) cannot be part of an address", "{v} không dùng được trong địa chỉ"),
    (r"use lower-case letters a-z, digits and single hyphens, e\.g\. slug: (?P<e>\S+)",
     "dùng chữ thường a-z, chữ số và một dấu gạch nối giữa hai từ, ví dụ slug: {e}"),
    (r"expected one line per old address: '(?P<e>[^']*)'", "cần mỗi địa chỉ cũ một dòng: '{e}'"),
    (r"expected a page's path under content/<language>/, got (?P<v>.*)",
     "cần đường dẫn của trang trong content/<ngôn ngữ>/, nhưng đang ghi {v}"),
    (r"expected the page's word in each language but the default, e\.g\. (?P<e>.*)",
     "cần từ của trang trong mỗi ngôn ngữ trừ ngôn ngữ mặc định, ví dụ {e}"),
    (r"(?P<v>\S+) is not an address of this site", "{v} không phải một địa chỉ của trang web này"),
    (r"write it from the site's root, without a leading '/', ending in '/': (?P<e>\S+)",
     "ghi tính từ gốc trang web, không có '/' ở đầu, kết thúc bằng '/': {e}"),
    (r"unknown page (?P<p>\S+)", "không có trang {p}"),
    (r"name the page by its path under content/<language>/, e\.g\. (?P<e>\S+)",
     "ghi trang bằng đường dẫn trong content/<ngôn ngữ>/, ví dụ {e}"),
    (r"the page (?P<p>\S+) has no (?P<l>\S+) version", "trang {p} chưa có bản {l}"),
    (r"/(?P<a>\S*) is the address of the page (?P<p>\S+) today", "/{a} hiện là địa chỉ của trang {p}"),
    (r"remove this line: the page answers there itself", "hãy bỏ dòng này: trang đã có ở địa chỉ đó"),
    (r"'(?P<l>[^']*)' is not a language that needs a slug", "'{l}' không phải ngôn ngữ cần slug"),
    (r"languages: (?P<ls>[^(]*) \(the (?P<d>\S+) address is the page's path\)",
     "các ngôn ngữ: {ls} (địa chỉ {d} là đường dẫn của trang)"),
    (r"(?P<p>\S+) has its own Markdown file in (?P<d>\S+) \((?P<f>\S+)\), which gives its slug",
     "{p} có tệp Markdown riêng trong {d} ({f}), slug lấy từ tệp đó"),
    (r"remove this line and keep the slug in the page's front matter",
     "hãy bỏ dòng này và giữ slug ở phần đầu trang (front matter)"),
    (r"no 'slug:' in the front matter: the page's word in its (?P<l>\S+) address",
     "phần đầu trang (front matter) chưa có 'slug:', là từ của trang trong địa chỉ {l}"),
    (r"add a line 'slug: (?P<s>[^']*)' between the two '---'", "thêm một dòng 'slug: {s}' giữa hai dòng '---'"),
    (r"'(?P<w>[^']*)' is a folder of the site itself and cannot start an address",
     "'{w}' là một thư mục của chính trang web, không dùng làm đầu địa chỉ được"),
    (r"choose another word", "hãy chọn từ khác"),
    (r"two pages at one address, /(?P<a>\S*): this page and (?P<p>\S+)",
     "hai trang cùng một địa chỉ /{a}: trang này và {p}"),
    (r"give one of them another slug", "hãy đặt slug khác cho một trong hai trang"),
    (r"the home page is the language's root, /(?P<a>\S*), and takes no slug",
     "trang chủ là gốc của ngôn ngữ, /{a}, không cần slug"),
    (r"remove the 'slug:' line", "hãy bỏ dòng 'slug:'"),
    (r"the folder (?P<f>\S+) has no (?P<l>\S+) name", "thư mục {f} chưa có tên {l}"),
    (r"give its index\.md \((?P<p>\S+)\) a 'slug:', or for a folder page made from data add '(?P<k>[^']*)' to "
     r"(?P<d>\S+)", "thêm 'slug:' vào index.md của thư mục ({p}), hoặc với trang thư mục tạo từ dữ liệu thì thêm "
     "'{k}' vào {d}"),
    (r"the browser editor \(/admin/\) is not installed", "trình biên tập trên trình duyệt (/admin/) chưa được cài"),
    (r"run `make tools` \(npm ci --prefix tools\), which installs the pinned Decap CMS",
     "hãy chạy `make tools` (npm ci --prefix tools) để cài Decap CMS đúng phiên bản đã ghi"),
    (r"the key (?P<k>.+) may only use a-z, 0-9, _ and -", "mã {k} chỉ được dùng a-z, 0-9, _ và -"),
    (r"expected (?P<what_t>.+) \(key: value lines\)", "cần {what_t} (các dòng dạng tên: giá trị)"),
    (r"expected the GeoNames record's number, e\.g\. (?P<e>\d+)", "cần số hiệu bản ghi GeoNames, ví dụ {e}"),
    # parser words the messages above do not explain: passed on as they are
    (r"front matter: YAML syntax error: (?P<e>.*)", "phần đầu trang (front matter): lỗi cú pháp YAML: {e}"),
    (r"YAML syntax error: (?P<e>.*)", "lỗi cú pháp YAML: {e}"),
]

#: What a data entry is, in "expected … (key: value lines)" (schema.mapping's ``what``).
_THINGS = {
    "a chart": "một biểu đồ", "a day": "một ngày", "a fact: vi, en, source and checked":
    "một thông tin gồm vi, en, source và checked", "a group": "một dân tộc", "a heritage item": "một di sản",
    "a month": "một tháng", "a period: days, open, close": "một khoảng giờ gồm days, open, close",
    "a phase": "một đợt", "a photo: src and alt": "một ảnh gồm src và alt", "a place": "một địa điểm",
    "a point": "một điểm", "a product": "một sản phẩm", "a slogan line": "một dòng khẩu hiệu",
    "a stop": "một điểm dừng",
    "a sub-sector": "một phân khu", "a term: use and not": "một thuật ngữ gồm use và not",
    "a ticket: who and vnd": "một loại vé gồm who và vnd", "a town": "một thị trấn", "an edition": "một kỳ tổ chức",
    "an event": "một sự kiện", "an experience: title, text and page": "một trải nghiệm gồm title, text và page",
    "an itinerary": "một lịch trình", "one list of phrases per language (vi:, en:)":
    "mỗi ngôn ngữ một danh sách cụm từ (vi:, en:)", "one list of terms per language (vi:, en:)":
    "mỗi ngôn ngữ một danh sách thuật ngữ (vi:, en:)", "opening hours: periods, source, checked":
    "giờ mở cửa gồm periods, source, checked", "south, north, west and east in decimal degrees":
    "south, north, west và east bằng độ thập phân", "the campaign map file": "tệp sơ đồ chiến dịch",
    "the charts file": "tệp biểu đồ", "the ethnic groups file": "tệp các dân tộc", "the events file": "tệp sự kiện",
    "the home page settings": "phần cài đặt trang chủ", "the itineraries file": "tệp lịch trình",
    "the map file": "tệp bản đồ", "the months file": "tệp các tháng", "the places file": "tệp địa điểm",
    "the products file": "tệp sản phẩm", "the slogan": "khẩu hiệu",
    "the timeline": "dòng thời gian", "ticket prices: tickets, source, checked": "giá vé gồm tickets, source, checked",
    "the practical facts of a place: place, then its facts": "thông tin thực tế của một địa điểm: place, rồi các "
    "thông tin", "the shared entries: 'prices:' and 'facts:'": "các mục dùng chung gồm 'prices:' và 'facts:'",
    "the trip's practical facts, one list per topic": "thông tin thực tế cho chuyến đi, mỗi chủ đề một danh sách",
    "units": "các đơn vị", "when it is held": "thời gian tổ chức", "a figure": "một số liệu",
    "an entry: phrase and instead": "một mục gồm phrase và instead", "a source": "một nguồn",
    "one text per language, e.g. {vi: …, en: …}": "một đoạn chữ cho mỗi ngôn ngữ, ví dụ {vi: …, en: …}",
}

_WORDS = {  # the few English words a pattern passes on as {what_vi}
    "lunar day": "ngày âm lịch", "solar day": "ngày dương lịch", "day": "ngày", "days": "ngày", "month": "tháng",
    "months": "tháng", "lunar month": "tháng âm lịch", "solar month": "tháng dương lịch",
    "lines": "các dòng", "experiences": "các trải nghiệm", "figure keys": "mã số liệu", "products": "sản phẩm",
    "sub-sectors, north first": "phân khu, từ bắc xuống", "points": "điểm", "groups": "dân tộc",
    "events": "sự kiện", "editions": "kỳ tổ chức", "places": "địa điểm", "names": "tên", "terms": "thuật ngữ",
    "variants": "cách viết khác", "entries": "mục", "towns": "thị trấn", "periods": "khoảng giờ",
    "tickets": "loại vé", "month numbers from 1 to 12": "số tháng từ 1 đến 12",
    "place keys": "mã địa điểm", "facts": "thông tin", "shared price lists": "bảng giá dùng chung",
    "shared facts": "thông tin dùng chung",
}

_WHY = {"day is out of range for month": "tháng đó không có ngày này",
        "month must be in 1..12": "tháng phải từ 1 đến 12", "year 0 is out of range": "không có năm 0"}


def _compile(table: list[tuple[str, str]]) -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(pattern), template) for pattern, template in table if template]


_WHOLE_RE = _compile(_WHOLE)
_CLAUSE_RE = _compile(_CLAUSES)
# "[en] " marks a message of the English build; "dienbien: " is the plugins' logger's prefix.
_WHERE = re.compile(r"^(?P<tag>(?:[a-z][\w-]*: (?=\S+\.(?:md|ya?ml|json|txt)[:\s]))?(?:\[[a-z]{2}\] )?)"
                    r"(?P<where>[^\s:]+\.(?:md|ya?ml|json|txt)(?::\d+)?: )?(?P<rest>.*)$", re.S)
_KEY_PREFIX = re.compile(r"^(?P<key>[A-Za-z0-9_][\w.\-/]*): (?=\S)")


def _fill(template: str, match: re.Match[str]) -> str | None:
    values: dict[str, str] = {}
    for name, value in match.groupdict().items():
        value = value or ""
        if name == "kind":
            value = KINDS.get(value, value)
        elif name.startswith("lang"):
            value = _LANGUAGE_NAMES.get(value, value)
        elif name.endswith("_t") and value:
            translated = _sentence(value)
            if translated is None:
                return None
            value = translated
        if name == "why":
            value = _WHY.get(value, value)
        elif name == "size":
            value = value.replace("megapixels", "triệu điểm ảnh").replace("pixels", "điểm ảnh")
        values[name] = value
        if name == "what":
            if value in _WORDS:
                values["what_vi"] = _WORDS[value]
            elif "what_vi" in template:
                return None
    values["hint_t_semi"] = f"; {values['hint_t']}" if values.get("hint_t") else ""
    values["where_t_paren"] = f" ({values['where_t']})" if values.get("where_t") else ""
    example = values.get("ex") or values.get("ex2")
    values["ex_colon"] = f": {example}" if example else ""
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return None


def _clause(text: str) -> str | None:
    if text in _THINGS:
        return _THINGS[text]
    key = re.fullmatch(r"(?P<what>.+): key, then one field a line", text)
    if key and key.group("what") in _THINGS:
        return f"{_THINGS[key.group('what')]}: mã, rồi mỗi dòng một trường"
    for pattern, template in _CLAUSE_RE:
        match = pattern.fullmatch(text)
        if match and not any("; " in (value or "") for value in match.groups()):  # one clause at a time
            filled = _fill(template, match)
            if filled is not None:
                return filled
    return None


def _sentence(text: str) -> str | None:
    """Vietnamese for a message without its file and line, or None when some part has none."""
    for pattern, template in _WHOLE_RE:
        match = pattern.fullmatch(text)
        if match:
            return _fill(template, match)
    key = _KEY_PREFIX.match(text)
    if key and not _clause(text):
        rest = _sentence(text[key.end():])
        if rest is not None:
            return f"{key.group('key')}: {rest}"
    whole = _clause(text)
    if whole is not None:
        return whole
    parts = [_clause(part) for part in text.split("; ")]
    return "; ".join(parts) if parts and None not in parts else None  # type: ignore[arg-type]


def vietnamese(line: str) -> str | None:
    """The Vietnamese form of one message line, keeping its ``[en] `` tag and ``file:line:`` first."""
    match = _WHERE.match(line)
    if not match or not match.group("rest"):
        return None
    rest = _sentence(match.group("rest"))
    return None if rest is None else f"{match.group('tag') or ''}{match.group('where') or ''}{rest}"


def mode() -> str:
    value = os.environ.get(MODE_ENV, MODES[0]).strip().lower()
    return value if value in MODES else MODES[0]


def localize(text: str, how: str | None = None) -> str:
    """``text`` (one or more message lines) as the setting asks: see the module's docstring."""
    how = how or mode()
    if how == "en":
        return text
    lines = text.split("\n")
    out: list[str] = []
    for i, line in enumerate(lines):
        done = line.startswith(ENGLISH) or (i + 1 < len(lines) and lines[i + 1].startswith(ENGLISH))
        vi = None if done else vietnamese(line)
        if vi is None:
            out.append(line)
        elif how == "vi":
            out.append(vi)
        else:
            out += [vi, ENGLISH + line]
    return "\n".join(out)


class _Localize(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            message = record.getMessage()
            localized = localize(message)
            if localized != message:
                record.msg, record.args = localized, None
        return True


def install(*loggers: logging.Logger) -> None:
    """Localize the warnings and errors that the handlers of ``loggers`` print (once per handler)."""
    for logger in loggers:
        for handler in logger.handlers:
            if not any(isinstance(f, _Localize) for f in handler.filters):
                handler.addFilter(_Localize())


def untranslated(lines: list[str]) -> list[str]:
    """The lines among ``lines`` that have no Vietnamese form (for tests and for the guide's upkeep)."""
    return [line for line in lines if vietnamese(line) is None]

