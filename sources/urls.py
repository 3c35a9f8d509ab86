from django.urls import path

from sources import views

app_name = "sources"
urlpatterns = [
    path("outlets/", views.outlet_list, name="outlet-list"),
    path("outlets/<slug:slug>/", views.outlet, name="outlet"),
    path("articles/<int:pk>/", views.article, name="article"),
]
