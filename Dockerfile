# One image for web, worker and beat (cookiecutter-django's pattern).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app \
    DJANGO_SETTINGS_MODULE=factcheck.settings \
    FACTCHECK_VAR_DIR=/app/var

WORKDIR /app
RUN groupadd --system app && useradd --system --gid app --home-dir /app app

# The pinned dependencies in a layer of their own, before any code: a code change rebuilds from
# the COPY below in seconds; only a change to pyproject.toml installs them again.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > /tmp/requirements.txt \
    && pip install --requirement /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# The code runs from /app (PYTHONPATH), not installed as a package.
COPY manage.py ./
COPY factcheck ./factcheck
COPY claims ./claims
COPY workers ./workers
COPY seeds ./seeds

# collectstatic needs settings that load: a throwaway key, used for this step only.
RUN DJANGO_SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(64))')" DJANGO_DEBUG=0 python manage.py collectstatic --noinput
RUN mkdir -p /app/var && chown -R app:app /app/var

USER app
EXPOSE 8000
# Bound explicitly: gunicorn's default (127.0.0.1:8000) is unreachable from outside the container.
CMD ["gunicorn", "factcheck.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "60", "--access-logfile", "-"]
