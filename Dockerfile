# One image for web, worker and beat (cookiecutter-django's pattern).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=factcheck.settings \
    FACTCHECK_VAR_DIR=/app/var

WORKDIR /app
RUN groupadd --system app && useradd --system --gid app --home-dir /app app

COPY pyproject.toml README.md ./
COPY factcheck ./factcheck
COPY claims ./claims
COPY workers ./workers
RUN pip install .

COPY manage.py ./
COPY seeds ./seeds
# collectstatic needs settings that load: a throwaway key, used for this step only.
RUN DJANGO_SECRET_KEY=collectstatic-only DJANGO_DEBUG=0 python manage.py collectstatic --noinput \
    && mkdir -p /app/var && chown -R app:app /app/var

USER app
EXPOSE 8000
CMD ["gunicorn", "factcheck.wsgi", "--workers", "3", "--access-logfile", "-"]
