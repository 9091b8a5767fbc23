"""The browser editor at ``/admin/``: Decap CMS, its configuration made from the site's own rules.

The editor edits the same files the build reads: pages in ``content/<lang>/…`` (both languages of a page
as one entry), one file per figure, per source and per place's practical facts (``data/figures/<key>.yml``,
``data/sources/<key>.yml``, ``data/visiting/places/<key>.yml``) and the topical data files as forms.
Its configuration is generated here from what the loaders accept (the fields of
:mod:`dienbien.core.data.figures`, the units of ``data/units.yml``, the places of ``data/places.yml``,
the languages of ``mkdocs.yml``), so the forms cannot drift from the build. The build still checks every saved file.

``/admin/`` is no page of the site: it is written after the sitemap and the service worker, carries
``noindex``, and the service worker leaves it alone (see ``offline.BYPASS``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml
from babel import Locale

from ..data.figures import APPROX_KINDS
from ..data.languages import Languages
from ..data.yamlfile import load_yaml
from ..domain.visiting import PLACES_DIR, SHARED_FILE, TRIP_FILE
from ..errors import SiteDataError
from ..media.outputfiles import place

ADMIN = "admin"
#: Where the pinned editor is installed (tools/package-lock.json), from the project's root.
BUNDLE = Path("tools/node_modules/decap-cms/dist")
#: The GitHub repository the production editor commits to: set it before deploying.
GITHUB_REPO = "OWNER/dien-bien"
#: The editor's phrases its own Vietnamese lacks (Decap falls back to English for them).
EDITOR_PHRASES = Path(__file__).with_name("editor-vi.json")
#: The local proxy (decap-server, pinned) that ``make edit`` starts.
LOCAL_PROXY = "http://127.0.0.1:8081/api/v1"

_BUNDLE_FILE = re.compile(r"^(decap-cms\.js|\d+\.decap-cms\.js|[0-9a-f]+\.wasm)$")

APPROX_LABELS = {"over": "hơn (over)", "about": "khoảng (about)", "nearly": "gần (nearly)",
                 "at_least": "từ … trở lên (at least)"}
KEY_PATTERN = [r"^[a-z0-9_]+$", "Chỉ dùng chữ thường không dấu, số và dấu gạch dưới, ví dụ tourist_visits_2027"]
SOURCE_KEY_PATTERN = [r"^[a-z0-9_-]+$", "Chỉ dùng chữ thường không dấu, số, dấu gạch nối hoặc gạch dưới"]
FULL_DATE_PATTERN = [r"^\d{4}-\d{2}-\d{2}$", "Viết ngày theo mẫu 2027-03-12 (năm-tháng-ngày)"]
TIME_PATTERN = [r"^([01]\d|2[0-3]):[0-5]\d$", "Viết giờ theo mẫu 19:30 (24 giờ)"]
DATE_PATTERN = [r"^\d{4}(-\d{2}(-\d{2})?)?$", "Viết 2026-03-08, hoặc 2026-03 / 2026 khi chỉ biết tháng hoặc năm"]
URL_PATTERN = [r"^https?://", "Địa chỉ web bắt đầu bằng https://"]
SLUG_PATTERN = [r"^[a-z0-9-]*$", "Chỉ dùng chữ thường không dấu, số và dấu gạch nối, ví dụ history"]


def language_name(lang: str) -> str:
    """A language's name as the form labels write it (the editor speaks Vietnamese): "tiếng Anh"."""
    name = Locale.parse("vi").languages.get(lang, lang)
    return name[:1].lower() + name[1:]


def _string(name: str, label: str, hint: str = "", required: bool = True, **extra: Any) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "label": label, "widget": "string"}
    if not required:
        field["required"] = False
    if hint:
        field["hint"] = hint
    return {**field, **extra}


def _localized(name: str, label: str, languages: tuple[str, ...], hint: str = "",
               required: bool = True) -> dict[str, Any]:
    """``{vi: …, en: …}``: one text per language, side by side."""
    field: dict[str, Any] = {
        "name": name, "label": label, "widget": "object", "collapsed": False,
        "fields": [_string(lang, f"{label} ({language_name(lang)})", required=required)
                   for lang in languages]}
    if not required:
        field["required"] = False
    if hint:
        field["hint"] = hint
    return field


def figure_fields(languages: tuple[str, ...], units: list[str]) -> list[dict[str, Any]]:
    """The form of a figure, in the order the loader documents its fields."""
    return [
        _string("key", "Mã số liệu", "Trang dùng mã này: {{ fig.MÃ }}. Đặt một lần, khi tạo số liệu; "
                "đổi mã thì phải đổi cả trên các trang.", pattern=KEY_PATTERN),
        {"name": "value", "label": "Giá trị", "widget": "number", "value_type": "float",
         "hint": "Chỉ con số trần: 310000 hoặc 15.96 (dấu chấm thập phân). Không viết dấu phân cách hàng "
                 "nghìn hay chữ; trang tự định dạng theo từng ngôn ngữ."},
        {"name": "approx", "label": "Mức chính xác", "widget": "select", "required": False,
         "options": [{"label": APPROX_LABELS.get(k, k), "value": k} for k in APPROX_KINDS],
         "hint": "Để trống nếu là con số chính xác. “hơn 310.000” thì chọn hơn và ghi 310000."},
        {"name": "unit", "label": "Đơn vị", "widget": "select", "options": units,
         "hint": "Cách viết của mỗi đơn vị trong hai ngôn ngữ nằm trong data/units.yml."},
        _localized("label", "Nội dung số liệu", languages, "Số liệu này đo điều gì, cho từng ngôn ngữ."),
        _localized("period", "Thời kỳ", languages, "Thời gian số liệu mô tả (ví dụ: năm 2025 / 2025). "
                   "Để trống cả hai với một đặc điểm lâu dài (chiều dài, độ cao).", required=False),
        {"name": "source", "label": "Nguồn", "widget": "relation", "collection": "sources",
         "value_field": "key", "search_fields": ["key", "publisher", "title"],
         "display_fields": ["{{key}} · {{publisher}} · {{title}}"],
         "hint": "Chọn trong các nguồn; nguồn mới thì tạo ở mục Nguồn trước."},
    ]


def source_form(languages: Languages) -> list[dict[str, Any]]:
    others = languages.others
    return [
        _string("key", "Mã nguồn", "Số liệu và dữ liệu chọn nguồn theo mã này.", pattern=SOURCE_KEY_PATTERN),
        _string("publisher", "Cơ quan xuất bản", "Tên như cơ quan tự gọi, ví dụ Báo Điện Biên Phủ."),
        *[_string(f"publisher_{lang}", f"Tên cơ quan cho người đọc {language_name(lang)}",
                  "Để trống nếu giống tên trên, ví dụ Vietnam News Agency (TTXVN).", required=False)
          for lang in others],
        _string("title", "Tiêu đề", "Tiêu đề như bản gốc; không có tiêu đề thì mô tả ngắn trong ngoặc vuông."),
        *[_string(f"title_{lang}", f"Tiêu đề {language_name(lang)}",
                  "Để trống nếu dùng tiêu đề gốc.", required=False) for lang in others],
        _string("date", "Ngày đăng", "2026-03-08; 2026-03 hoặc 2026 khi chỉ biết tháng hoặc năm.",
                required=False, pattern=DATE_PATTERN),
        _string("url", "Địa chỉ web", required=False, pattern=URL_PATTERN),
    ]


def page_fields(lang: str, default: str) -> list[dict[str, Any]]:
    """The form of a page in one language: its front matter and its Markdown."""
    fields: list[dict[str, Any]] = [
        _string("title", "Tiêu đề", "Tên trang, hiện ở đầu trang và trong trình đơn. Để trống nếu dòng đầu của "
                "nội dung đã là tiêu đề (# Tiêu đề).", required=False),
        {"name": "description", "label": "Mô tả ngắn", "widget": "text", "required": False,
         "hint": "Một hai câu cho kết quả tìm kiếm và khi chia sẻ trang."},
    ]
    if lang != default:
        fields.append(_string("slug", f"Địa chỉ {language_name(lang)}",
                              "Phần cuối địa chỉ của trang, ví dụ history. Bắt buộc với mọi trang không phải "
                              "tiếng Việt.", pattern=SLUG_PATTERN))
    fields += [
        {"name": "translation", "label": "Bản dịch", "widget": "select", "required": False,
         "options": [{"label": "Chưa dịch xong (hiện trang này ở ngôn ngữ kia, kèm thông báo)",
                      "value": "pending"}],
         "hint": "Chọn khi trang của ngôn ngữ kia chưa có."},
        {"name": "body", "label": "Nội dung", "widget": "markdown", "modes": ["raw"],
         "hint": "Số liệu viết {{ fig.MÃ }}, khối dữ liệu {{ block.TÊN }}; ảnh cần mô tả (alt)."},
    ]
    return fields


def page_collection(lang: str, default: str, content_dir: str) -> dict[str, Any]:
    """The pages of one language. A page and its translation are the same path under ``content/vi``
    and ``content/en``: the editor keeps the path (the ``Thư mục`` field) and the file name."""
    name = language_name(lang)
    return {"name": f"pages_{lang}", "label": f"Trang {name}", "label_singular": f"trang {name}",
            "folder": f"{content_dir}/{lang}", "extension": "md", "format": "frontmatter", "create": True,
            "nested": {"depth": 4, "summary": "{{title}}", "subfolders": False},
            "meta": {"path": {"widget": "string", "label": "Thư mục",
                              "hint": "Chuyên mục và tên trang, chữ thường không dấu, nối bằng gạch ngang, ví dụ "
                                      "du-lich/le-hoi-hoa-ban. Bản tiếng Anh ghi đúng như vậy.",
                              "index_file": "index"}},
            "identifier_field": "title", "summary": "{{dirname}}/{{filename}}",
            "fields": page_fields(lang, default)}


def edition_fields(languages: tuple[str, ...]) -> list[dict[str, Any]]:
    """The form of one dated edition of a festival (``editions:`` in data/events.yml)."""
    return [
        _string("start", "Ngày bắt đầu", "Viết năm-tháng-ngày, ví dụ 2027-03-12 (trang hiện 12/3/2027).",
                pattern=FULL_DATE_PATTERN),
        _string("end", "Ngày kết thúc", "Để trống nếu chỉ diễn ra một ngày.", required=False,
                pattern=FULL_DATE_PATTERN),
        _string("time", "Giờ khai mạc", "Giờ Việt Nam, ví dụ 19:30; chỉ dùng cho kỳ một ngày. Để trống nếu chưa "
                "biết giờ.", required=False, pattern=TIME_PATTERN),
        {"name": "part", "label": "Buổi", "widget": "select", "required": False,
         "options": [{"label": "Buổi tối (khi nguồn chỉ nói “tối”)", "value": "evening"}],
         "hint": "Chỉ chọn khi không có giờ cụ thể."},
        _localized("title", "Tên kỳ lễ hội", languages, "Ví dụ: Lễ hội Hoa Ban 2027; nếu chỉ có ngày khai mạc: "
                   "Lễ hội Hoa Ban 2027 – đêm khai mạc."),
        _localized("venue", "Địa điểm", languages, "Để trống nếu nguồn không nói.", required=False),
        _localized("note", "Ghi chú", languages, "Chủ đề, chương trình chính (không bắt buộc).", required=False),
        {"name": "sources", "label": "Nguồn", "widget": "relation", "collection": "sources", "multiple": True,
         "min": 1, "value_field": "key", "search_fields": ["key", "publisher", "title"],
         "display_fields": ["{{key}} · {{publisher}} · {{title}}"],
         "hint": "Ít nhất một nguồn công bố ngày này; nguồn mới thì tạo ở mục Nguồn trước."},
    ]


def events_file(data_folder: str, languages: tuple[str, ...]) -> dict[str, Any]:
    """data/events.yml as a form: each festival's dated editions. A festival's other lines (its
    description, when it is held every year) are kept as they are; they are edited in the file."""
    return {
        "name": "events", "label": "Lễ hội và sự kiện", "file": f"{data_folder}/events.yml",
        "fields": [
            _string("checked", "Ngày rà soát", "Ngày gần nhất đối chiếu tệp này với các nguồn, ví dụ 2026-12-06.",
                    pattern=FULL_DATE_PATTERN),
            {"name": "events", "label": "Các lễ hội", "label_singular": "lễ hội", "widget": "list",
             "allow_add": False, "allow_remove": False, "allow_reorder": False,
             "summary": "{{fields.name.vi}}", "collapsed": True,
             "fields": [
                 {"name": "name", "label": "Tên", "widget": "object", "collapsed": True,
                  "fields": [_string(lang, f"Tên ({language_name(lang)})") for lang in languages]},
                 {"name": "editions", "label": "Các kỳ có ngày", "label_singular": "kỳ", "widget": "list",
                  "required": False, "collapsed": True, "summary": "{{fields.start}} · {{fields.title.vi}}",
                  "hint": "Thêm kỳ mới ngay khi ban tổ chức công bố ngày. Trên trang, ngày của kỳ này thay cho "
                          "ngày dự kiến của năm đó.",
                  "fields": edition_fields(languages)},
             ]},
        ],
    }


def places_file(data_folder: str, languages: tuple[str, ...]) -> dict[str, Any]:
    """data/places.yml as a form: each place's name and descriptions, and the photo at the top of its
    page with its alt text in every language. A place's other lines (its kind, key facts, figures,
    sources, coordinates) are kept as they are; they are edited in the file."""
    def texts(name: str, label: str, hint: str = "", widget: str = "string", required: bool = True):
        field = {"name": name, "label": label, "widget": "object", "collapsed": True, "required": required,
                 "fields": [{"name": lang, "label": f"{label} ({language_name(lang)})", "widget": widget,
                             **({"hint": hint} if hint else {})} for lang in languages]}
        return field
    return {
        "name": "places", "label": "Di tích và điểm đến", "file": f"{data_folder}/places.yml",
        "fields": [
            {"name": "places", "label": "Các địa điểm", "label_singular": "địa điểm", "widget": "list",
             "allow_add": False, "allow_remove": False, "allow_reorder": False,
             "summary": "{{fields.name.vi}}", "collapsed": True,
             "fields": [
                 texts("name", "Tên", "Tên hiện ở đầu trang và trong danh sách."),
                 texts("what", "Giới thiệu ngắn", "Một hai câu cho thẻ của địa điểm.", widget="text"),
                 texts("where", "Vị trí", "Địa chỉ theo đơn vị hành chính hiện nay.", widget="text"),
                 # A list, not an optional object: the editor would require an absent object's fields.
                 {"name": "photos", "label": "Ảnh đầu trang", "label_singular": "ảnh", "widget": "list",
                  "required": False, "collapsed": False, "summary": "{{fields.src}}",
                  "hint": "Ảnh gốc (JPEG hoặc PNG); trang tự làm các bản nhỏ gọn cho điện thoại.",
                  "fields": [
                      {"name": "src", "label": "Ảnh", "widget": "image", "choose_url": False},
                      {"name": "alt", "label": "Mô tả ảnh (alt)", "widget": "object",
                       "hint": "Một câu cho biết ảnh chụp gì, viết bằng từng ngôn ngữ. Người không xem được ảnh "
                               "(như người khiếm thị dùng phần mềm đọc màn hình) sẽ nghe câu này.",
                       "fields": [_string(lang, f"Mô tả ({language_name(lang)})")
                                  for lang in languages]},
                  ]},
             ]},
        ],
    }


def _texts(name: str, label: str, languages: tuple[str, ...], hint: str = "", widget: str = "string",
           required: bool = True) -> dict[str, Any]:
    """A text in every language, folded under its label."""
    return {"name": name, "label": label, "widget": "object", "collapsed": True, "required": required,
            **({"hint": hint} if hint else {}),
            "fields": [{"name": lang, "label": f"{label} ({language_name(lang)})", "widget": widget}
                       for lang in languages]}


def home_file(data_folder: str, languages: tuple[str, ...]) -> dict[str, Any]:
    """data/home.yml as a form: the front page's plan button, Ban season, three experiences and the
    figures under the slogan."""
    return {
        "name": "home", "label": "Trang chủ", "file": f"{data_folder}/home.yml",
        "fields": [
            _string("plan", "Trang của nút “Lên kế hoạch”", "Đường dẫn trang trong content/<ngôn ngữ>/, ví dụ "
                    "chuyen-di/index.md."),
            {"name": "labels", "label": "Chữ trên trang chủ", "widget": "object", "collapsed": True,
             "fields": [_texts("plan", "Nút lên kế hoạch", languages),
                        _texts("experiences", "Tiêu đề phần trải nghiệm", languages),
                        _texts("season", "Tiêu đề phần mùa hoa ban", languages),
                        _texts("season_lead", "Câu mở đầu phần mùa hoa ban", languages, widget="text")]},
            {"name": "season", "label": "Các tháng của mùa hoa ban", "widget": "list",
             "field": {"name": "month", "label": "Tháng", "widget": "number", "value_type": "int", "min": 1,
                       "max": 12},
             "hint": "Mỗi tháng hiện dòng của nó trong data/months.yml."},
            {"name": "experiences", "label": "Ba trải nghiệm không thể bỏ lỡ", "label_singular": "trải nghiệm",
             "widget": "list", "allow_add": False, "allow_remove": False, "summary": "{{fields.title.vi}}",
             "collapsed": True,
             "fields": [_texts("title", "Tên trải nghiệm", languages),
                        _texts("text", "Một hai câu giới thiệu", languages, "Không ghi số liệu ở đây.", widget="text"),
                        _string("page", "Trang kể tiếp", "Đường dẫn trang, ví dụ du-lich/le-hoi.md.")]},
            {"name": "highlights", "label": "Số liệu dưới khẩu hiệu", "widget": "relation", "collection": "figures",
             "multiple": True, "value_field": "key", "search_fields": ["key", "label.vi"],
             "display_fields": ["{{key}} · {{label.vi}}"], "hint": "Theo thứ tự hiện trên trang."},
        ],
    }


def glossary_file(data_folder: str, languages: tuple[str, ...]) -> dict[str, Any]:
    """data/glossary.yml as a form: for each language, the form the site writes and the variants the
    check flags."""
    def entries(lang: str) -> dict[str, Any]:
        return {"name": lang, "label": f"Cách viết thống nhất ({language_name(lang)})",
                "label_singular": "cách viết", "widget": "list", "summary": "{{fields.use}}", "collapsed": True,
                "fields": [
                    _string("use", "Cách viết dùng trên trang"),
                    {"name": "not", "label": "Các cách viết cần tránh", "widget": "list",
                     "field": {"name": "variant", "label": "Cách viết cần tránh", "widget": "string"},
                     "hint": "Được phép đứng trong ngoặc ngay sau cách viết đúng, ở lần nhắc đầu tiên: "
                             "“Mông (Hmong)”. Bắt đầu bằng re: là một biểu thức chính quy."},
                ]}
    return {"name": "glossary", "label": "Cách viết tên và thuật ngữ", "file": f"{data_folder}/glossary.yml",
            "fields": [entries(lang) for lang in sorted(languages)]}  # alphabetical, as the file is


def groups_file(data_folder: str, languages: tuple[str, ...]) -> dict[str, Any]:
    """data/ethnic_groups.yml as a form: each group's name, language family and where its people
    live. The group's figures, heritage and sources are kept as they are; they are edited in the file."""
    return {
        "name": "ethnic_groups", "label": "Các dân tộc", "file": f"{data_folder}/ethnic_groups.yml",
        "fields": [
            {"name": "groups", "label": "Các dân tộc", "label_singular": "dân tộc", "widget": "list",
             "allow_add": False, "allow_remove": False, "allow_reorder": False, "summary": "{{fields.name.vi}}",
             "collapsed": True,
             "fields": [_texts("name", "Tên", languages, "Tên chính thức của dân tộc."),
                        _texts("language_family", "Nhóm ngôn ngữ", languages),
                        _texts("where", "Địa bàn cư trú", languages, "Không ghi số liệu ở đây.", widget="text")]},
        ],
    }


# -- practical facts (data/visiting/) ------------------------------------------------------------

CHECKED_HINT = ("Ngày thông tin được xác nhận là đúng: ngày đăng của nguồn, hoặc ngày nguồn cho biết thông tin bắt "
                "đầu áp dụng. Viết 2026-03-08; 2026-03 hoặc 2026 khi chỉ biết tháng hoặc năm. Trang hiện “Cập nhật "
                "ngày 8/3/2026”.")
SOURCE_HINT = ("Chỉ dùng nguồn đáng tin cậy: cơ quan của tỉnh, cổng du lịch của tỉnh, báo chí và cơ quan thông tấn, "
               "Cục Du lịch Quốc gia, bảo tàng; không lấy giá vé hay giờ mở cửa từ blog của công ty lữ hành. Nguồn "
               "mới thì tạo trước ở mục “Nguồn”.")
SHARED_KEY_PATTERN = [r"^[a-z0-9_-]+$", "Chỉ dùng chữ thường không dấu, số, dấu gạch nối hoặc gạch dưới, ví dụ "
                      "site_ticket"]
#: The trip page's topics (``{{ block.practical.TOPIC }}`` on chuyen-di/index.md): label and hint.
TRIP_TOPICS = {
    "flights": ("Máy bay", "Các chuyến bay đến Điện Biên: hãng, số chuyến, thời gian bay."),
    "road": ("Đường bộ", "Từ Hà Nội lên Điện Biên: quãng đường, thời gian, xe khách."),
    "getting_around": ("Đi lại tại chỗ", "Thuê xe máy, taxi, các di tích nằm gần nhau."),
    "stay": ("Nghỉ ở đâu", "Khách sạn, homestay, bản du lịch cộng đồng."),
    "eat": ("Ăn gì", "Món ăn của Điện Biên và nơi thưởng thức."),
    "buy": ("Mua gì làm quà", "Đặc sản, hàng thủ công và nơi bán."),
    "etiquette": ("Thăm bản làng", "Phép lịch sự khi đến bản, vào nhà sàn."),
    "families": ("Đi cùng trẻ em", "Những gì trẻ em và gia đình thích; giá vé cho trẻ em."),
}


def _source(hint: str = SOURCE_HINT) -> dict[str, Any]:
    return {"name": "source", "label": "Nguồn", "widget": "relation", "collection": "sources", "value_field": "key",
            "search_fields": ["key", "publisher", "title"], "display_fields": ["{{key}} · {{publisher}} · {{title}}"],
            "hint": hint}


def _checked() -> dict[str, Any]:
    return _string("checked", "Ngày cập nhật", CHECKED_HINT, pattern=[*DATE_PATTERN])  # a copy: no YAML alias


def _note(languages: tuple[str, ...], hint: str) -> dict[str, Any]:
    """An optional text in every language: left empty, it is not shown."""
    return {"name": "note", "label": "Ghi chú", "widget": "object", "collapsed": True, "required": False,
            "hint": hint,
            "fields": [{"name": lang, "label": f"Ghi chú ({language_name(lang)})", "widget": "text",
                        "required": False} for lang in languages]}


def fact_fields(languages: Languages) -> list[dict[str, Any]]:
    """One practical fact: its text in every language, its source and the date it was known true."""
    return [*[{"name": lang, "label": f"Nội dung ({language_name(lang)})", "widget": "text",
               "hint": "Một, hai câu nêu điều nguồn cho biết. Không viết “chưa rõ” hay “chưa có nguồn”: điều gì "
                       "chưa biết thì đừng thêm mục." if lang == languages.default else ""} for lang in languages],
            _source(), _checked()]


def _facts(name: str, label: str, languages: Languages, hint: str) -> dict[str, Any]:
    return {"name": name, "label": label, "label_singular": "thông tin", "widget": "list", "required": False,
            "collapsed": True, "summary": "{{fields." + languages.default + " | truncate(90)}}", "hint": hint,
            "fields": fact_fields(languages)}


def price_fields(languages: Languages) -> list[dict[str, Any]]:
    """A price list: the tickets, a note, its source and date."""
    return [
        {"name": "tickets", "label": "Loại vé", "label_singular": "loại vé", "widget": "list", "min": 1,
         "summary": "{{fields.who." + languages.default + "}}: {{fields.vnd}}",
         "hint": "Mỗi loại vé là một mục, theo thứ tự như trong nguồn.",
         "fields": [_localized("who", "Đối tượng", languages, "Ví dụ: Người lớn / Adults; Dưới 18 tuổi / Under 18."),
                    {"name": "vnd", "label": "Giá (đồng)", "widget": "number", "value_type": "int", "min": 0,
                     "hint": "Số đồng, không dấu chấm: 20000. Ghi 0 nếu miễn phí (trang hiện “miễn phí”)."}]},
        _note(languages, "Ai được giảm giá hay miễn vé, khi nguồn nói rõ (không bắt buộc)."),
        _source(), _checked(),
    ]


def hours_fields(languages: Languages) -> list[dict[str, Any]]:
    return [
        {"name": "periods", "label": "Khoảng giờ", "label_singular": "khoảng giờ", "widget": "list",
         "required": False, "summary": "{{fields.days." + languages.default + "}}: {{fields.open}}–{{fields.close}}",
         "hint": "Mỗi khoảng giờ là một mục. Buổi sáng và buổi chiều là hai khoảng, ghi cùng một chữ ở ô “Ngày mở "
                 "cửa”; trang gộp lại thành “Hằng ngày: 07:00–11:00 và 13:30–17:00”.",
         "fields": [_localized("days", "Ngày mở cửa", languages, "Ví dụ: Hằng ngày / Daily; Thứ Hai đến thứ Sáu / "
                               "Monday to Friday."),
                    _string("open", "Giờ mở cửa", "Viết kiểu 24 giờ, ví dụ 07:00.", pattern=[*TIME_PATTERN]),
                    _string("close", "Giờ đóng cửa", "Viết kiểu 24 giờ, ví dụ 17:00; muộn hơn giờ mở cửa.",
                            pattern=[*TIME_PATTERN])]},
        _note(languages, "Giờ mở cửa theo mùa, buổi tối, ngày lễ. Nếu nguồn không nêu giờ mở cửa thường ngày thì "
                         "chỉ ghi ở đây và để trống “Khoảng giờ”."),
        _source(), _checked(),
    ]


def visiting_collection(data_folder: str, languages: tuple[str, ...],
                        places: list[tuple[str, str]]) -> dict[str, Any]:
    """data/visiting/places/<key>.yml, one entry per place: how to get there, hours, tickets, time to
    allow, what is on site. ``places`` are ``(key, name)`` of data/places.yml, the choices of ``place``."""
    shared = {"collection": "data", "file": "visiting_shared"}
    return {
        "name": "visiting", "label": "Thông tin tham quan", "label_singular": "thông tin tham quan của một điểm",
        "description": "Đường đi, giờ mở cửa, giá vé, thời gian nên dành và những gì có tại từng di tích, điểm "
                       "đến; mỗi điểm một mục. Mỗi thông tin ghi nguồn và ngày cập nhật. Những điều còn thiếu "
                       "nguồn được liệt kê trong Hướng dẫn biên tập, mục “Thông tin thực tế”.",
        "folder": f"{data_folder}/visiting/{PLACES_DIR}", "extension": "yml", "format": "yml", "create": True,
        "identifier_field": "place", "slug": "{{place}}", "summary": "{{place}}", "sortable_fields": ["place"],
        "editor": {"preview": False},
        "fields": [
            {"name": "place", "label": "Địa điểm", "widget": "select",
             "options": [{"label": f"{name} ({key})", "value": key} for key, name in places],
             "hint": "Chọn khi tạo mục; tệp được đặt tên theo mã của địa điểm. Đừng đổi địa điểm của một mục đã "
                     "có: muốn ghi cho điểm khác thì tạo mục mới."},
            _facts("getting_there", "Đường đi", languages, "Từ trung tâm Điện Biên Phủ đến đây: đi đường nào, bao "
                   "xa. Khoảng cách chỉ lấy từ nguồn có ghi ngày."),
            {"name": "hours", "label": "Giờ mở cửa", "label_singular": "giờ mở cửa", "widget": "list",
             "required": False, "max": 1, "collapsed": True, "summary": "{{fields.checked}} · {{fields.source}}",
             "hint": "Chỉ một mục, gồm các khoảng giờ, một ghi chú hoặc cả hai, theo nguồn đáng tin cậy (tỉnh, bảo "
                     "tàng, báo chí).",
             "fields": hours_fields(languages)},
            {"name": "shared_price", "label": "Bảng giá dùng chung", "widget": "relation", "required": False,
             **shared, "value_field": "prices.*.key", "search_fields": ["prices.*.key", "prices.*.about"],
             "display_fields": ["prices.*.key", "prices.*.about"],
             "hint": "Chọn khi điểm này bán vé theo bảng giá chung của nhiều điểm (site_ticket: phí tham quan các "
                     "điểm di tích bán vé). Bảng giá này sửa một lần cho mọi điểm, ở “Dữ liệu khác → Thông tin tham "
                     "quan dùng chung”. Để trống nếu điểm có giá vé riêng."},
            {"name": "price", "label": "Giá vé riêng", "label_singular": "bảng giá", "widget": "list",
             "required": False, "max": 1, "collapsed": True, "summary": "{{fields.checked}} · {{fields.source}}",
             "hint": "Chỉ một mục, khi điểm có giá vé riêng (như Bảo tàng Chiến thắng lịch sử Điện Biên Phủ). Đã "
                     "chọn “Bảng giá dùng chung” thì để trống phần này.",
             "fields": price_fields(languages)},
            _facts("time_needed", "Thời gian nên dành", languages, "Nên dành bao lâu cho điểm này, theo nguồn."),
            _facts("on_site", "Tại điểm tham quan", languages, "Có gì ở đây: thuyết minh viên, phòng chiếu phim, "
                   "công trình mới tu bổ…"),
            {"name": "shared_on_site", "label": "Thông tin dùng chung tại điểm tham quan", "widget": "relation",
             "required": False, "multiple": True, **shared, "value_field": "facts.*.key",
             "search_fields": ["facts.*.key", "facts.*.about"], "display_fields": ["facts.*.key", "facts.*.about"],
             "hint": "Chọn những thông tin dùng chung cũng đúng với điểm này (ví dụ site_tickets_on_sale: vé bán "
                     "tại di tích). Nội dung sửa ở “Dữ liệu khác → Thông tin tham quan dùng chung”. Trên trang, "
                     "chúng hiện sau các thông tin riêng ở ô “Tại điểm tham quan”."},
        ],
    }


def visiting_shared_file(data_folder: str, languages: tuple[str, ...]) -> dict[str, Any]:
    """data/visiting/shared.yml as a form: the price lists and facts that several places name by key."""
    def named(what: str) -> list[dict[str, Any]]:
        return [_string("key", "Mã", f"Các điểm chọn {what} theo mã này. Đặt một lần khi tạo; nếu đổi mã thì phải "
                        "chọn lại ở mọi điểm đang dùng.", pattern=[*SHARED_KEY_PATTERN]),
                {"name": "about", "label": "Ghi chú cho người biên tập", "widget": "text",
                 "hint": f"{what[0].upper()}{what[1:]} này là gì, áp dụng từ khi nào, cho những điểm nào, theo nguồn "
                         "nào. Không hiện trên trang."}]
    return {
        "name": "visiting_shared", "label": "Thông tin tham quan dùng chung",
        "file": f"{data_folder}/visiting/{SHARED_FILE}",
        "fields": [
            {"name": "prices", "label": "Bảng giá dùng chung", "label_singular": "bảng giá", "widget": "list",
             "required": False, "collapsed": True, "summary": "{{fields.key}} · {{fields.about | truncate(70)}}",
             "hint": "Một bảng giá cho nhiều điểm; mỗi điểm chọn nó ở ô “Bảng giá dùng chung” của mình. Sửa ở đây "
                     "là sửa cho mọi điểm dùng bảng giá này.",
             "fields": [*named("bảng giá"), *price_fields(languages)]},
            {"name": "facts", "label": "Thông tin dùng chung", "label_singular": "thông tin", "widget": "list",
             "required": False, "collapsed": True, "summary": "{{fields.key}} · {{fields.about | truncate(70)}}",
             "hint": "Một thông tin đúng với nhiều điểm; mỗi điểm chọn nó ở ô “Thông tin dùng chung tại điểm tham "
                     "quan”.",
             "fields": [*named("thông tin"), *fact_fields(languages)]},
        ],
    }


def visiting_trip_file(data_folder: str, languages: tuple[str, ...]) -> dict[str, Any]:
    """data/visiting/trip.yml as a form: the trip page's practical facts, topic by topic."""
    return {
        "name": "visiting_trip", "label": "Thông tin cho chuyến đi", "file": f"{data_folder}/visiting/{TRIP_FILE}",
        "fields": [_facts(topic, label, languages, f"{hint} Hiện trên trang “Lên kế hoạch chuyến đi” "
                          f"(chuyen-di/index.md), ở chỗ có dòng {{{{ block.practical.{topic} }}}}.")
                   for topic, (label, hint) in TRIP_TOPICS.items()],
    }


def _places(data_dir: Path, data_folder: str) -> list[tuple[str, str]]:
    """``(key, Vietnamese name)`` of each place in data/places.yml, in its order."""
    doc = load_yaml(data_dir / "places.yml", f"{data_folder}/places.yml")
    places = doc.data.get("places") if isinstance(doc.data, dict) else None
    if not isinstance(places, list):
        raise SiteDataError(f"{data_folder}/places.yml", None, "expected the places file (key: value lines)")
    return [(p["key"], p["name"]["vi"] if isinstance(p.get("name"), dict) else p["key"])
            for p in places if isinstance(p, dict) and "key" in p]


#: What ``extra: editor:`` in mkdocs.yml may set of the GitHub backend (Decap's own option names).
BACKEND_OPTIONS = ("repo", "branch", "base_url", "auth_endpoint")
_REPO = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")


def backend_settings(editor: object, where: str) -> dict[str, str]:
    """The GitHub backend's settings from ``extra: editor:`` in mkdocs.yml, checked: the repository
    the drafts go to (``OWNER/NAME``) and, where the sign-in is not Netlify's, its endpoint."""
    if editor is None:
        return {}
    if not isinstance(editor, dict):
        raise SiteDataError(where, None, "extra: editor: expected settings of the editor's GitHub backend",
                            "write e.g. editor: {repo: OWNER/NAME}")
    unknown = sorted(set(editor) - set(BACKEND_OPTIONS))
    if unknown:
        raise SiteDataError(where, None, f"extra: editor: unknown setting '{unknown[0]}'",
                            "settings are: " + ", ".join(BACKEND_OPTIONS))
    if not all(isinstance(v, str) and v for v in editor.values()):
        raise SiteDataError(where, None, "extra: editor: every setting is a text", "write e.g. repo: OWNER/NAME")
    if "repo" in editor and not _REPO.match(editor["repo"]):
        raise SiteDataError(where, None, f"extra: editor: repo '{editor['repo']}' is not OWNER/NAME",
                            "write the GitHub repository as it appears in its address, e.g. tourism-office/dien-bien")
    return dict(editor)


def cms_config(data_dir: Path, languages: Languages, *, local: bool, content_dir: str = "content",
               data_folder: str = "data", backend: dict[str, str] | None = None) -> dict[str, Any]:
    """The editor's ``config.yml``: ``local`` for ``make edit`` (the proxy), else the GitHub backend
    (``backend``: :func:`backend_settings`; the repository defaults to a placeholder)."""
    units_file = data_dir / "units.yml"
    units_doc = load_yaml(units_file, f"{data_folder}/units.yml")
    if not isinstance(units_doc.data, dict):
        raise SiteDataError(f"{data_folder}/units.yml", None, "expected units (key: value lines)")
    sources = source_form(languages)
    figures = figure_fields(languages, sorted(units_doc.data))
    config: dict[str, Any] = {
        "locale": "vi",
        "backend": {"name": "github", "repo": GITHUB_REPO, "branch": "main", **(backend or {})},
        "publish_mode": "editorial_workflow",
        "media_folder": f"{content_dir}/anh",
        "public_folder": "/anh",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            *(page_collection(lang, languages.default, content_dir) for lang in languages),
            {"name": "figures", "label": "Số liệu", "label_singular": "số liệu", "folder": f"{data_folder}/figures",
             "extension": "yml", "format": "yml", "create": True, "identifier_field": "key", "slug": "{{key}}",
             "summary": "{{key}} · {{label.vi}}", "sortable_fields": ["key"], "fields": figures},
            {"name": "sources", "label": "Nguồn", "label_singular": "nguồn", "folder": f"{data_folder}/sources",
             "extension": "yml", "format": "yml", "create": True, "identifier_field": "key", "slug": "{{key}}",
             "summary": "{{key}} · {{publisher}} · {{title}}", "sortable_fields": ["key", "date"],
             "fields": sources},
            visiting_collection(data_folder, languages, _places(data_dir, data_folder)),
            {"name": "data", "label": "Dữ liệu khác", "label_singular": "tệp", "editor": {"preview": False},
             "files": [events_file(data_folder, languages), places_file(data_folder, languages),
                       visiting_shared_file(data_folder, languages), visiting_trip_file(data_folder, languages),
                       groups_file(data_folder, languages), home_file(data_folder, languages),
                       glossary_file(data_folder, languages)]},
        ],
    }
    if local:
        config["local_backend"] = {"url": LOCAL_PROXY}
    return config


def data_file_orders(config: dict[str, Any], root: Path) -> list[tuple[Path, list[str]]]:
    """Every data file the editor writes, with the order its form gives the top-level keys."""
    files: list[tuple[Path, list[str]]] = []
    for collection in config["collections"]:
        order = [f["name"] for f in collection.get("fields", [])]
        if collection.get("format") == "yml" and "folder" in collection:
            folder = root / collection["folder"]
            files += [(p, order) for p in sorted(folder.glob("*.yml"))]
        for file in collection.get("files", []):
            files.append((root / file["file"], [f["name"] for f in file["fields"]]))
    return files


ADMIN_HTML = """<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <title>Biên tập – {site_name}</title>
  <style>
    /* The Markdown box in a font that writes every Vietnamese letter: monospace fonts often lack
       letters with two marks (ắ, ễ, ộ) and show the marks beside them. */
    [contenteditable="true"], textarea {{ font-family: system-ui, "Noto Sans", "Segoe UI", Roboto,
      sans-serif !important; }}
  </style>
</head>
<body>
  <script src="decap-cms.js"></script>
  <script>
{preview_styles}
    // A page's preview as the site sets its text: Material's typography applies inside .md-typeset.
    function pagePreview(lang) {{
      return createClass({{
        render: function () {{
          var title = this.props.entry.getIn(["data", "title"]);
          return h("article", {{ className: "md-content__inner md-typeset", lang: lang,
                                style: {{ maxWidth: "40rem", margin: "0 auto", padding: "0 1rem" }} }},
                   title ? h("h1", {{}}, title) : null, this.props.widgetFor("body"));
        }}
      }});
    }}
{preview_templates}
    // The editor in Vietnamese throughout: the phrases Decap's own Vietnamese lacks (editor-vi.json,
    // otherwise shown in English, such as "Add …"), and "xóa" spelled as on the site.
    (function () {{
      function merge(into, from) {{
        Object.keys(from).forEach(function (k) {{
          if (from[k] && typeof from[k] === "object") merge(into[k] = into[k] || {{}}, from[k]);
          else into[k] = from[k];
        }});
        return into;
      }}
      function respell(node) {{
        Object.keys(node).forEach(function (k) {{
          if (typeof node[k] === "string") node[k] = node[k].replace(/([Xx])oá/g, "$1óa");
          else if (node[k]) respell(node[k]);
        }});
        return node;
      }}
      CMS.registerLocale("vi", respell(merge(merge({{}}, CMS.getLocale("vi")), {editor_phrases})));
    }})();
  </script>
</body>
</html>
"""


def bundle_files(bundle_dir: Path) -> list[Path]:
    """The editor's script and the parts it loads on demand (no source maps)."""
    if not (bundle_dir / "decap-cms.js").is_file():
        raise SiteDataError(bundle_dir.as_posix(), None, "the browser editor (/admin/) is not installed",
                            "run `make tools` (npm ci --prefix tools), which installs the pinned Decap CMS")
    return sorted(p for p in bundle_dir.iterdir() if _BUNDLE_FILE.match(p.name))


def write_admin(site_dir: Path, bundle_dir: Path, config: dict[str, Any], site_name: str) -> None:
    """``site/admin/``: the page, its configuration and the pinned editor, all from the site's origin."""
    admin = site_dir / ADMIN
    admin.mkdir(parents=True, exist_ok=True)
    for file in bundle_files(bundle_dir):
        place(file, admin / file.name)
    styles = sorted((site_dir / "assets" / "stylesheets").glob("main.*.min.css"))
    styles += [site_dir / "assets" / "stylesheets" / "site.css"]
    preview = "\n".join(f'    CMS.registerPreviewStyle("../{p.relative_to(site_dir).as_posix()}");'
                        for p in styles if p.is_file())
    pages = [c["name"] for c in config.get("collections", []) if c.get("name", "").startswith("pages_")]
    templates = "\n".join(f'    CMS.registerPreviewTemplate("{name}", pagePreview("{name.removeprefix("pages_")}"));'
                          for name in pages)
    phrases = json.dumps(json.loads(EDITOR_PHRASES.read_text(encoding="utf-8")), ensure_ascii=False)
    html = ADMIN_HTML.format(site_name=site_name, preview_styles=preview, preview_templates=templates,
                             editor_phrases=phrases.replace("</", "<\\/"))
    (admin / "index.html").write_text(html, encoding="utf-8")
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100)
    (admin / "config.yml").write_text(text, encoding="utf-8")
