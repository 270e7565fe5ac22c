"""Charts: entered in the admin, drawn as accessible SVG on the server, with a table and CSV."""

import csv
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import translation

from content.charts import draw_svg, spreadsheet_text
from content.models import Chart, Post
from tests.content_helpers import make_post

pytestmark = pytest.mark.usefixtures("party_content")


def make_chart(post, **fields):
    data = {
        "title_ar": "البطالة بين الشباب",
        "labels_ar": "2022\n2023\n2024",
        "series_names_ar": "الذكور\nالإناث",
        "values": "22, 24, 20\n٣٥، 38.5, 31",
        "unit_ar": "%",
        "source_ar": "وزارة التخطيط",
    }
    data.update(fields)
    chart = Chart(post=post, **data)
    chart.full_clean()
    chart.save()
    return chart


def test_chart_data_is_checked():
    post = make_post(section="analysis")
    for values, message in (("22, x, 20\n1,2,3", "ليس رقماً"), ("22, 24\n1, 2", "3"), ("1,2,3", "2")):
        chart = Chart(post=post, title_ar="ر", labels_ar="أ\nب\nج", series_names_ar="س\nص", values=values)
        with pytest.raises(ValidationError) as error:
            chart.full_clean()
        assert "values" in error.value.message_dict
    chart = Chart(post=post, title_ar="ر", labels_ar="أ\nب", labels_en="a", series_names_ar="س", values="1, 2")
    with pytest.raises(ValidationError) as error:
        chart.full_clean()
    assert "labels_en" in error.value.message_dict


def test_chart_is_an_accessible_svg_with_table_and_csv(client):
    post = make_post(section="analysis", title="قراءة في الأرقام")
    chart = make_chart(post)
    content = client.get(post.get_absolute_url()).content.decode()
    svg = re.search(r"<svg class=\"chart__svg\".*?</svg>", content, re.S).group(0)
    assert 'role="img"' in svg and f'aria-labelledby="chart-{chart.pk}-title chart-{chart.pk}-desc"' in svg
    assert "<title" in svg and "<desc" in svg and "البطالة بين الشباب" in svg
    assert svg.count("<rect") == 6
    table = re.search(r'<table class="chart__table">.*?</table>', content, re.S).group(0)
    assert "الإناث" in table and "38.5" in table and "35" in table
    assert "وزارة التخطيط" in content
    assert "<script" not in svg
    csv_url = f"/analysis/{post.pk}/charts/{chart.pk}.csv"
    assert f'href="{csv_url}"' in content
    response = client.get(csv_url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["", "الذكور", "الإناث"]
    assert rows[1] == ["2022", "22", "35"] and rows[2] == ["2023", "24", "38.5"]


def test_csv_of_a_draft_is_hidden_from_visitors(client):
    post = make_post(section="analysis", status=Post.Status.DRAFT)
    chart = make_chart(post)
    assert client.get(f"/analysis/{post.pk}/charts/{chart.pk}.csv").status_code == 404


def _label_positions(svg):
    return [float(x) for x in re.findall(r'class="chart__label" x="([\d.]+)"', svg)]


def test_axis_runs_right_to_left_in_arabic_and_left_to_right_in_english():
    chart = make_chart(make_post(section="analysis"), kind="line")
    with translation.override("ar"):
        arabic = draw_svg(chart)
    with translation.override("en"):
        english = draw_svg(chart)
    ar, en = _label_positions(arabic), _label_positions(english)
    assert ar[0] > ar[-1], "first label on the right in Arabic"
    assert en[0] < en[-1], "first label on the left in English"
    assert 'direction="rtl"' in arabic and 'direction="ltr"' in english


@override_settings(PARTY_DIGITS="eastern")
def test_chart_numbers_follow_the_digit_setting():
    chart = make_chart(make_post(section="analysis"))
    with translation.override("ar"):
        svg = draw_svg(chart)
    assert "٤٠" in svg or "٣٠" in svg
    with translation.override("en"):
        assert "40" in draw_svg(chart)


@pytest.mark.parametrize("huge", ["9" * 400, "1" + "0" * 20, "-" + "9" * 400])
def test_numbers_too_large_to_draw_are_refused_with_a_clear_message(huge):
    post = make_post(section="analysis")
    chart = Chart(post=post, title_ar="ر", labels_ar="أ\nب", series_names_ar="س", values=f"1, {huge}")
    with pytest.raises(ValidationError) as error:
        chart.full_clean()
    message = error.value.message_dict["values"][0]
    assert "كبير" in message and len(message) < 200


def test_a_stored_chart_with_an_impossible_number_does_not_break_the_post(client):
    post = make_post(section="analysis", title="قراءة")
    chart = make_chart(post)
    Chart.objects.filter(pk=chart.pk).update(values="22, 24, 20\n1, 2, " + "9" * 400)
    response = client.get(post.get_absolute_url())
    assert response.status_code == 200 and "قراءة" in response.content.decode()
    assert client.get(f"/analysis/{post.pk}/charts/{chart.pk}.csv").status_code == 404


def test_csv_text_never_starts_like_a_spreadsheet_formula(client):
    post = make_post(section="analysis")
    chart = make_chart(
        post,
        labels_ar='=HYPERLINK("http://evil.example","x")\n+1\n@SUM(A1)',
        series_names_ar="-2+3\nالإناث",
        values="-5, 24, 20\n1, 2, 3",
        unit_ar="=1+1",
        source_ar="وزارة التخطيط",
    )
    rows = list(csv.reader(io.StringIO(client.get(chart.get_csv_url()).content.decode("utf-8-sig"))))
    assert rows[0] == ["", "'-2+3", "الإناث"]
    assert [row[0] for row in rows[1:4]] == ['\'=HYPERLINK("http://evil.example","x")', "'+1", "'@SUM(A1)"]
    assert rows[1][1] == "-5"  # numbers stay numbers
    assert any(row[1:] == ["'=1+1"] for row in rows)
    assert spreadsheet_text("\tx") == "'\tx" and spreadsheet_text("\rx") == "'\rx" and spreadsheet_text("ok") == "ok"
