"""The pages and documents of Kinerja an agency can pick as evidence of a criterion: kept as a key, turned into
a URL for the agency and year of the evaluation when shown (so a link never goes stale when a page moves)."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class KinerjaLink:
    key: str
    label: str
    url_name: str
    args: tuple[str, ...] = ()
    query: str = "?tahun={year}"


LINKS = {
    link.key: link
    for link in (
        KinerjaLink("keputusan", _("IKU/IKI decree (PDF)"), "document-download", ("keputusan-iku-iki", "pdf")),
        KinerjaLink(
            "perjanjian", _("Performance agreements (PDF)"), "document-download", ("perjanjian-kinerja", "pdf")
        ),
        KinerjaLink(
            "capaian",
            _("Achievement tables and work plan evaluation (PDF)"),
            "document-download",
            ("evaluasi-renja", "pdf"),
            "?tahun={year}&triwulan=4",
        ),
        KinerjaLink("lkjip", _("Performance report LKjIP (PDF)"), "document-download", ("lkjip", "pdf")),
        KinerjaLink("renstra", _("Strategic plan page"), "plan-detail", query=""),
        KinerjaLink("struktur", _("Organisation and positions"), "organisation-tree", query=""),
        KinerjaLink("dokumen", _("Documents page"), "documents"),
        KinerjaLink("verifikasi", _("Verification of actuals"), "verification", query=""),
    )
}


def link_url(key: str, agency_code: str, year: int) -> str:
    link = LINKS.get(key)
    if link is None:
        return ""
    return reverse(link.url_name, args=[agency_code, *link.args]) + link.query.format(year=year)


def link_label(key: str) -> str:
    link = LINKS.get(key)
    return str(link.label) if link else key
