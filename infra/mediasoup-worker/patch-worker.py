#!/usr/bin/env python3
"""Patch mediasoup 3.12.16's worker/ to build against Debian 12's packages (its meson files),
shorten one timer of its C++ (edit 7) and give its UDP sockets room (edit 8).

Usage: patch-worker.py <path to the extracted npm tarball's worker/ directory>

Every edit is an exact text replacement that must match the expected number of
times; if the upstream text ever differs (another mediasoup version), the script
fails loudly instead of producing a half-patched tree.
"""
import pathlib
import sys


def edit(text, old, new, why, count=1):
    found = text.count(old)
    if found != count:
        sys.exit(f"patch-worker.py: expected {count} occurrence(s), found {found}, of:\n{old}\n(edit: {why})")
    return text.replace(old, new)


def cut_between(text, start, end, new, why):
    """Replace text[start:end) (end anchor kept) by `new`."""
    i = text.find(start)
    j = text.find(end, i)
    if i < 0 or j < 0 or text.count(start) != 1:
        sys.exit(f"patch-worker.py: anchors not found for edit: {why}")
    return text[:i] + new + text[j:], text[i:j]


worker = pathlib.Path(sys.argv[1])
main = worker / "meson.build"
webrtc = worker / "deps" / "libwebrtc" / "meson.build"
m = main.read_text()
w = webrtc.read_text()

# 1. Debian 12 ships meson 1.0.1; the file asks for >= 1.1.0 but uses nothing newer
#    than 1.0 (measured: configures and builds fine with 1.0.1).
m = edit(m, "meson_version: '>= 1.1.0',", "meson_version: '>= 1.0.1',",
         "relax meson requirement to Debian 12's 1.0.1")

# 2. The seven subproject() calls download source tarballs (wraps) from the
#    internet, which is unreachable here. Use Debian's packages via pkg-config
#    instead, keeping the variable names the rest of the files expect.
#    catch2 (tests only) is dropped together with the test targets (edit 5).
DEPS = """\
# --- infra/mediasoup-worker: Debian 12 packages instead of downloaded wraps ---
openssl_dep = dependency('openssl', version: '>= 3.0')
nlohmann_json_dep = dependency('nlohmann_json', version: '>= 3.10')
libuv_dep = dependency('libuv', version: '>= 1.44')
# mediasoup includes <srtp.h>, Debian's libsrtp2-dev installs it as
# /usr/include/srtp2/srtp.h while libsrtp2.pc only adds -I/usr/include.
libsrtp2_pc_dep = dependency('libsrtp2', version: '>= 2.5')
libsrtp2_dep = declare_dependency(
  dependencies: libsrtp2_pc_dep,
  include_directories: include_directories(
    libsrtp2_pc_dep.get_variable(pkgconfig: 'includedir') / 'srtp2',
    is_system: true,
  ),
)
usrsctp_dep = dependency('usrsctp', version: '>= 0.9.5')
# Debian's abseil is split into one pkg-config module per library.
absl_container_dep = declare_dependency(dependencies: [
  dependency('absl_flat_hash_map'),
  dependency('absl_flat_hash_set'),
  dependency('absl_btree'),
  dependency('absl_inlined_vector'),
  dependency('absl_memory'),
])
absl_strings_dep = dependency('absl_strings')
absl_types_dep = dependency('absl_optional')
# --- end infra/mediasoup-worker ---
"""
m, old = cut_between(m, "openssl_proj = subproject(\n",
                     "libwebrtc_include_directories = include_directories('include')",
                     DEPS, "replace subproject() wraps by dependency()")
if old.count("subproject(") != 7:
    sys.exit("patch-worker.py: unexpected subproject block:\n" + old)

# 3. Same for the dependency list of the worker targets.
m = edit(m, """\
dependencies = [
  abseil_cpp_proj.get_variable('absl_container_dep'),
  openssl_proj.get_variable('openssl_dep'),
  nlohmann_json_proj.get_variable('nlohmann_json_dep'),
  libuv_proj.get_variable('libuv_dep'),
  libsrtp2_proj.get_variable('libsrtp2_dep'),
  usrsctp_proj.get_variable('usrsctp_dep'),
  libwebrtc_dep,
]
""", """\
dependencies = [
  absl_container_dep,
  openssl_dep,
  nlohmann_json_dep,
  libuv_dep,
  libsrtp2_dep,
  usrsctp_dep,
  libwebrtc_dep,
]
""", "use the Debian dependencies for the worker")

# 4. Upstream link_whole's the wraps' static libraries; Debian's are shared
#    libraries, linked through the dependencies above. Only the bundled
#    libwebrtc stays a static library built here.
m = edit(m, """\
link_whole = [
  abseil_cpp_proj.get_variable('absl_container_lib'),
  openssl_proj.get_variable('libcrypto_lib'),
  openssl_proj.get_variable('libssl_lib'),
  libuv_proj.get_variable('libuv'),
  libsrtp2_proj.get_variable('libsrtp2'),
  usrsctp_proj.get_variable('usrsctp'),
  libwebrtc,
]
""", """\
link_whole = [
  libwebrtc,
]
""", "link Debian's shared libraries instead of the wraps' static ones")

# 5. Drop the test and fuzzer targets (everything from test_sources on): they
#    need more wraps (catch2, libFuzzer) and are never built by this recipe.
i = m.find("\ntest_sources = [\n")
if i < 0 or "mediasoup-worker-fuzzer" not in m[i:]:
    sys.exit("patch-worker.py: test/fuzzer section not found")
m = m[:i + 1] + "# test and fuzzer targets removed by infra/mediasoup-worker/patch-worker.py\n"

# 6. deps/libwebrtc/meson.build: same wrap -> dependency() switch.
w = edit(w, """\
abseil_cpp_proj = subproject(
  'abseil-cpp',
  default_options: [
    'warning_level=0',
  ],
)
""", "", "libwebrtc: drop the abseil wrap")
w = edit(w, "openssl_proj.get_variable('openssl_dep')", "openssl_dep", "libwebrtc: openssl")
w = edit(w, "nlohmann_json_proj.get_variable('nlohmann_json_dep')", "nlohmann_json_dep", "libwebrtc: json")
w = edit(w, "libuv_proj.get_variable('libuv_dep')", "libuv_dep", "libwebrtc: libuv")
w = edit(w, "abseil_cpp_proj.get_variable('absl_strings_dep')", "absl_strings_dep", "libwebrtc: absl", count=2)
w = edit(w, "abseil_cpp_proj.get_variable('absl_types_dep')", "absl_types_dep", "libwebrtc: absl", count=2)

# Nothing may still reach for a wrap (wingetopt is Windows-only and never evaluated here).
for name, text in (("meson.build", m), ("deps/libwebrtc/meson.build", w)):
    leftovers = [l for l in text.splitlines() if "_proj" in l and "wingetopt" not in l]
    if leftovers:
        sys.exit(f"patch-worker.py: {name} still references a subproject:\n" + "\n".join(leftovers))

# 7. RTC/KeyFrameRequestManager.cpp: a producer that asked its sender for a keyframe ignores
#    every further request for that stream until the keyframe arrives or 1000 ms pass, then asks
#    again (once, and only if asked meanwhile). Senders ignore a request that comes within 300 ms
#    of the last one they answered (libwebrtc's minimum keyframe interval), so a programme switch
#    that asked just after a room did waited a whole second: in bench:meeting one switch in ten
#    took 1.1 s where the others took 30-160 ms. 300 ms is the first moment such a sender answers
#    again, so the one retry is never wasted. (100 ms was tried: the retries fell inside the
#    sender's 300 ms, the request then lapsed, and rooms joining together waited for the next
#    natural keyframe: first picture p50 0.95-1.54 s at 50 sites against 0.72 s.) The first
#    packet of the keyframe ends the wait, so a sender that answers at once is asked once.
manager = worker / "src" / "RTC" / "KeyFrameRequestManager.cpp"
k = edit(manager.read_text(), "static constexpr uint32_t KeyFrameRetransmissionWaitTime{ 1000 };",
         "static constexpr uint32_t KeyFrameRetransmissionWaitTime{ 300 };",
         "ask a sender again for a keyframe after 300 ms instead of 1000 ms")

# 8. handles/UdpSocketHandler.cpp: every UDP socket of a WebRtcServer carries hundreds of
#    transports (one port per worker), and the kernel's default receive buffer (212992 bytes,
#    about 200 small datagrams) overflowed while the worker was busy sending a keyframe to 170
#    rooms and their feedback arrived together: bench:meeting at 348 sites counted 237 drops at
#    the workers' sockets and 0.16 % loss in its steady window; with 4 MiB, none. mediasoup 3.13
#    made this a listen option (recvBufferSize); here it is asked for on every UDP socket. The
#    kernel caps it at net.core.rmem_max (infra/deploy raises that to 4 MiB; Debian's is 208 KiB).
udp = worker / "src" / "handles" / "UdpSocketHandler.cpp"
u = edit(udp.read_text(), """	this->uvHandle->data = static_cast<void*>(this);

	err = uv_udp_recv_start(""", """	this->uvHandle->data = static_cast<void*>(this);

	// infra/mediasoup-worker (patch-worker.py, edit 8): room for bursts of datagrams.
	int receiveBufferBytes{ 4 * 1024 * 1024 };

	uv_recv_buffer_size(reinterpret_cast<uv_handle_t*>(this->uvHandle), &receiveBufferBytes);

	err = uv_udp_recv_start(""", "a 4 MiB receive buffer on every UDP socket")

main.write_text(m)
webrtc.write_text(w)
manager.write_text(k)
udp.write_text(u)
print("patched", main, webrtc, manager, "and", udp)
