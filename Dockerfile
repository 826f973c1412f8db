# The tutor as a container: `docker compose up` runs it with PostgreSQL and a chromadb server.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 TUTOR_DATA_DIR=/data
WORKDIR /app

# espeak-ng reads the cards aloud; ffmpeg encodes them as OGG/Opus voice notes.
RUN apt-get update \
 && apt-get install -y --no-install-recommends espeak-ng ffmpeg \
 && rm -rf /var/lib/apt/lists/*

# The image always talks to a chroma server: requirements-server.lock has chromadb's HTTP client
# (chromadb-client) in place of chromadb, without its embedded database, kubernetes and
# onnxruntime (docs/deploy.md, "The image"). A process started without TUTOR_CHROMA_HOST says so.
COPY requirements-server.lock ./
# Bytecode is compiled at build time: the image never writes it, and compiling at every start
# would delay the first answer by about two seconds.
RUN pip install --no-cache-dir "uv==0.13.9" \
 && uv pip install --system --no-cache --compile-bytecode -r requirements-server.lock

COPY pyproject.toml README.md alembic.ini ./
COPY scripts scripts
COPY bot bot
COPY content content
COPY locales locales
COPY prompts prompts
# Editable, so the course, prompts and catalogs are read from /app; building compiles the catalogs.
# The tutor's modules are compiled here too: the editable install leaves them as sources.
RUN uv pip install --system --no-cache --no-deps -e . \
 && python -m compileall -q bot \
 && useradd --system --uid 10001 --home-dir /data tutor \
 && mkdir -p /data && chown tutor /data

USER tutor
VOLUME ["/data"]
CMD ["tutor", "run"]
