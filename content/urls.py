from django.urls import path, register_converter

from party_site.pagecache import public_page

from . import feeds, views
from .models import Page, Section


class SectionConverter:
    regex = "|".join(Section.Key.values)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(SectionConverter, "section")

app_name = "content"
# public_page: answers the page cache may keep for anonymous visitors (party_site/pagecache.py).
# Search is left out: its pages are as many as the words people type.
urlpatterns = [
    path("", public_page(views.HomeView.as_view()), name="home"),
    path("about/", public_page(views.PageView.as_view(key=Page.Key.ABOUT)), name="about"),
    path(
        "founding-statement/",
        public_page(views.PageView.as_view(key=Page.Key.FOUNDING_STATEMENT)),
        name="founding-statement",
    ),
    path("privacy/", public_page(views.PageView.as_view(key=Page.Key.PRIVACY)), name="privacy"),
    path("principles/", public_page(views.PrinciplesView.as_view()), name="principles"),
    path("secretariat/", public_page(views.SecretariatView.as_view()), name="secretariat"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("feed/", public_page(feeds.LatestPostsFeed()), name="feed"),
    path("<section:section>/", public_page(views.SectionView.as_view()), name="section"),
    path("<section:section>/feed/", public_page(feeds.SectionFeed()), name="section-feed"),
    path("<section:section>/<int:pk>/", public_page(views.PostView.as_view()), name="post-short"),
    path("<section:section>/<int:pk>/<str:slug>/", public_page(views.PostView.as_view()), name="post"),
    path(
        "<section:section>/<int:pk>/charts/<int:chart>.csv", public_page(views.ChartCsvView.as_view()), name="chart-csv"
    ),
]
