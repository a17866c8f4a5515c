"""Keep Oscar's checkout closed until online payment is integrated.

Oscar's default payment step takes no payment, so an open checkout would record unpaid orders.
While this middleware is installed, every request under the checkout URLs (GET or POST)
gets a page that says online ordering is not open yet, and the basket page hides its checkout
button (it reads ``request.shop_checkout_closed``). Remove the middleware from settings once a
payment provider is wired in.
"""

from django.template.response import TemplateResponse
from django.urls import reverse


class CheckoutClosedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.shop_checkout_closed = True
        if request.path.startswith(reverse("checkout:index")):
            # Middleware responses are not rendered by Django's handler, unlike a view's.
            return TemplateResponse(request, "shop/checkout_closed.html").render()
        return self.get_response(request)
