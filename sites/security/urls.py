from django.urls import path

from sites.security import views

urlpatterns = [
    path("setup/", views.setup, name="two_factor_setup"),
    path("verify/", views.verify, name="two_factor_verify"),
]
