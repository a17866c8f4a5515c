"""Security measures shared by the four sites: CSP, staff 2FA, login throttling, upload checks."""
