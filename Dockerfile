# syntax=docker/dockerfile:1
# hoidap: a static binary on distroless, run as a non-root user.
#   docker build -t hoidap .
#   docker run -p 8080:8080 -v hoidap-data:/data hoidap
# Templates, assets, the commune directory and the starter corpus are
# embedded in the binary; /data holds the store, uploads and index.

FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o /out/hoidap ./cmd/hoidap \
	&& mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/hoidap /hoidap
# The volume's mount point belongs to the nonroot user (65532), so a fresh
# named volume is writable.
COPY --from=build --chown=65532:65532 /out/data /data
# GOMEMLIMIT keeps the 2,642 real procedures under 250 MB (README, "Load");
# raise it with a larger corpus.
# XDG_CACHE_HOME in the volume keeps PDFium compiled to machine code
# across restarts and deploys: compiling it costs 7–35 s and ~300 MB once.
ENV HOIDAP_ADDR=:8080 \
	HOIDAP_DATA=/data \
	XDG_CACHE_HOME=/data/cache \
	GOMEMLIMIT=200MiB
USER 65532:65532
EXPOSE 8080
VOLUME ["/data"]
# No shell or curl in distroless: the binary asks its own /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
	CMD ["/hoidap", "healthcheck"]
# SIGTERM drains answers in flight for up to 35 s: give it 40 s
# (docker stop -t 40; stop_grace_period in compose).
STOPSIGNAL SIGTERM
ENTRYPOINT ["/hoidap"]
CMD ["serve"]
