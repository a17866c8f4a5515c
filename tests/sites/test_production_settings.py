import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

PRODUCTION_ENVIRONMENT = {
    "SECRET_KEY": "a-long-random-production-key-for-this-test-only-0123456789abcdef",
    "DATABASE_URL": "postgres://platform@127.0.0.1:5432/platform",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "MEDIA_ROOT": "/tmp/platform-media",
    "WAGTAILADMIN_BASE_URL": "https://musees-compiegne.fr",
    "EMAIL_HOST": "127.0.0.1",
    "DEFAULT_FROM_EMAIL": "contact@musees-compiegne.fr",
    "ALLOWED_HOSTS": "musees-compiegne.fr",
}


def run_check(environment):
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "sites.settings.production",
            **environment,
        },
        capture_output=True,
        text=True,
    )


def test_production_refuses_missing_secret_key():
    environment = dict(PRODUCTION_ENVIRONMENT)
    del environment["SECRET_KEY"]
    result = run_check(environment)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_missing_database():
    environment = dict(PRODUCTION_ENVIRONMENT)
    del environment["DATABASE_URL"]
    result = run_check(environment)
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_production_deploy_check_clean():
    result = run_check(PRODUCTION_ENVIRONMENT)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def production_storage(environment):
    """Return the default storage backend of the production settings for ``environment``."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings; print(settings.STORAGES['default']['BACKEND'])",
        ],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "sites.settings.production",
            **environment,
        },
        capture_output=True,
        text=True,
    )
    return result


def test_production_media_on_disk_by_default():
    result = production_storage(PRODUCTION_ENVIRONMENT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.core.files.storage.FileSystemStorage"


def test_production_media_on_s3():
    environment = {
        **PRODUCTION_ENVIRONMENT,
        "MEDIA_STORAGE": "s3",
        "AWS_STORAGE_BUCKET_NAME": "platform-media",
        "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
    }
    del environment["MEDIA_ROOT"]
    result = production_storage(environment)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "storages.backends.s3.S3Storage"


def test_production_s3_requires_bucket():
    environment = {**PRODUCTION_ENVIRONMENT, "MEDIA_STORAGE": "s3"}
    result = production_storage(environment)
    assert result.returncode != 0
    assert "AWS_STORAGE_BUCKET_NAME" in result.stderr


def test_production_rejects_unknown_media_storage():
    result = production_storage({**PRODUCTION_ENVIRONMENT, "MEDIA_STORAGE": "ftp"})
    assert result.returncode != 0
    assert "MEDIA_STORAGE" in result.stderr
