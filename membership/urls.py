from django.urls import path

from . import views

app_name = "membership"
urlpatterns = [
    path("join/", views.JoinView.as_view(), name="join"),
    path("join/thanks/<str:receipt>/", views.ThanksView.as_view(), name="thanks"),
    path("join/thanks/", views.ThanksView.as_view(), name="thanks-expired"),
]
