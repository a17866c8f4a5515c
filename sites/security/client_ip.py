"""Client address of a request, as login throttling and form rate limits count it."""

from django.conf import settings


def client_ip_address(request):
    """Return the visitor's address: settings.CLIENT_IP_HEADER when set and present, else REMOTE_ADDR.

    Only set CLIENT_IP_HEADER when every request comes through the reverse proxy that writes
    that header (gunicorn bound to 127.0.0.1), otherwise a visitor could choose their address.
    """
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    if header:
        forwarded = request.META.get(header, "").split(",")[0].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR", "")
