from django.urls import path

from search import views

urlpatterns = [
    path("recherche/", views.search, name="site_search"),
    path("recherche/suggestions/", views.suggestions, name="site_search_suggestions"),
]
