# syntax=docker/dockerfile:1
# klausul in a small image: a static binary on distroless, run as a user
# without privileges. Build and use:
#
#   docker build -t klausul .
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/work" klausul check anbud/
#
# The entrypoint is klausul, so the arguments are klausul's; with none it
# checks /work as `klausul check` would. --user lets it write reports into
# the mounted folder.

# Alpine's Rust builds for musl and links statically by default.
FROM rust:1-alpine AS build
# The C compiler and musl's headers build mimalloc and sha2's assembly; the
# distribution's current versions are what we want, hence no pins.
# hadolint ignore=DL3018
RUN apk add --no-cache gcc musl-dev
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY benches benches
COPY rules rules
COPY src src
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked --bin klausul \
    && cp target/release/klausul /klausul

# Nothing but the binary, CA certificates, time zones and a `nonroot` user.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /klausul /usr/local/bin/klausul
WORKDIR /work
ENTRYPOINT ["/usr/local/bin/klausul"]
CMD ["check"]
