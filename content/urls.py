from django.urls import path, register_converter

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
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("about/", views.PageView.as_view(key=Page.Key.ABOUT), name="about"),
    path(
        "founding-statement/",
        views.PageView.as_view(key=Page.Key.FOUNDING_STATEMENT),
        name="founding-statement",
    ),
    path("privacy/", views.PageView.as_view(key=Page.Key.PRIVACY), name="privacy"),
    path("principles/", views.PrinciplesView.as_view(), name="principles"),
    path("secretariat/", views.SecretariatView.as_view(), name="secretariat"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("feed/", feeds.LatestPostsFeed(), name="feed"),
    path("<section:section>/", views.SectionView.as_view(), name="section"),
    path("<section:section>/feed/", feeds.SectionFeed(), name="section-feed"),
    path("<section:section>/<int:pk>/", views.PostView.as_view(), name="post-short"),
    path("<section:section>/<int:pk>/<str:slug>/", views.PostView.as_view(), name="post"),
    path("<section:section>/<int:pk>/charts/<int:chart>.csv", views.ChartCsvView.as_view(), name="chart-csv"),
]
