/*
 * UDP sockets for the site bots, read in batches.
 *
 * Node delivers every datagram as its own 'message' event: a JavaScript call, a Buffer and an
 * rinfo object per packet. At 348 bots that is about 60,000 calls a second, and the bench
 * measured the bots' event loops (72 % of a core, switches seen up to 2 s after the SFU sent
 * them) more than the SFU. Here one call (`drain`) reads every socket that has data with
 * recvmmsg and hands JavaScript one buffer of records. Each packet carries the kernel's receive
 * time (SO_TIMESTAMPNS): when the media reached the room's socket, whatever the bot's event loop
 * was doing then, as a browser's network thread would time it for transport-wide feedback.
 *
 * Sockets are connected to their one remote (the SFU's ICE candidate): the kernel then delivers
 * only that peer's datagrams, and send() needs no address.
 */
#define _GNU_SOURCE /* recvmmsg */
#define NAPI_VERSION 8
#include <node_api.h>

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* Larger than any datagram the SFU sends (its DTLS MTU is 1350, RTP stays under 1200). */
#define SLOT_BYTES 2048
#define BATCH 32
#define MAX_EVENTS 512
/* A record in drain's output: int32 fd, uint32 length, float64 epoch ms, then the datagram. */
#define RECORD_HEADER 16

static int epoll_fd = -1;

static napi_value throw_errno(napi_env env, const char *what) {
  char message[160];
  snprintf(message, sizeof message, "%s: %s", what, strerror(errno));
  napi_throw_error(env, NULL, message);
  return NULL;
}

static int32_t int_arg(napi_env env, napi_value value) {
  int32_t result = -1;
  napi_get_value_int32(env, value, &result);
  return result;
}

/* The call's first `count` arguments into argv; false (a TypeError thrown, naming `usage`) if fewer. */
static bool take_args(napi_env env, napi_callback_info info, size_t count, napi_value *argv, const char *usage) {
  size_t argc = count;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc >= count) return true;
  napi_throw_type_error(env, NULL, usage);
  return false;
}

/* open(remoteAddress: string, remotePort: number, receiveBufferBytes: number): fd */
static napi_value open_socket(napi_env env, napi_callback_info info) {
  static const char usage[] = "open(remoteAddress, remotePort, receiveBufferBytes)";
  napi_value argv[3];
  if (!take_args(env, info, 3, argv, usage)) return NULL;
  char address[64];
  size_t length = 0;
  if (napi_get_value_string_utf8(env, argv[0], address, sizeof address, &length) != napi_ok) {
    napi_throw_type_error(env, NULL, usage);
    return NULL;
  }
  struct sockaddr_in remote = {.sin_family = AF_INET, .sin_port = htons((uint16_t)int_arg(env, argv[1]))};
  if (inet_pton(AF_INET, address, &remote.sin_addr) != 1) {
    napi_throw_error(env, NULL, "open: the remote address is not an IPv4 address");
    return NULL;
  }
  if (epoll_fd < 0 && (epoll_fd = epoll_create1(EPOLL_CLOEXEC)) < 0) return throw_errno(env, "epoll_create1");

  int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return throw_errno(env, "socket");
  int on = 1, bytes = int_arg(env, argv[2]);
  struct epoll_event event = {.events = EPOLLIN, .data.fd = fd};
  if (setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &bytes, sizeof bytes) < 0 ||
      setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof on) < 0 ||
      connect(fd, (struct sockaddr *)&remote, sizeof remote) < 0 ||
      epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &event) < 0) {
    napi_value error = throw_errno(env, "open");
    close(fd);
    return error;
  }
  napi_value result;
  napi_create_int32(env, fd, &result);
  return result;
}

/* send(fd, packet: Uint8Array): a lost datagram is the network's business, as for any UDP sender. */
static napi_value send_packet(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  if (!take_args(env, info, 2, argv, "send(fd, packet)")) return NULL;
  void *data;
  size_t length;
  if (napi_get_typedarray_info(env, argv[1], NULL, &length, &data, NULL, NULL) != napi_ok) {
    napi_throw_type_error(env, NULL, "send(fd, packet)");
    return NULL;
  }
  /* ECONNREFUSED (the SFU's port closed: a node killed) and a full buffer both lose this datagram. */
  (void)send(int_arg(env, argv[0]), data, length, MSG_DONTWAIT);
  return NULL;
}

static napi_value close_socket(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  if (!take_args(env, info, 1, argv, "close(fd)")) return NULL;
  int fd = int_arg(env, argv[0]);
  if (fd >= 0) {
    epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, NULL);
    close(fd);
  }
  return NULL;
}

static double timestamp_ms(struct msghdr *header) {
  for (struct cmsghdr *c = CMSG_FIRSTHDR(header); c; c = CMSG_NXTHDR(header, c)) {
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPNS) {
      struct timespec at;
      memcpy(&at, CMSG_DATA(c), sizeof at);
      return at.tv_sec * 1e3 + at.tv_nsec / 1e6;
    }
  }
  struct timespec now; /* no timestamp (should not happen): the time of reading */
  clock_gettime(CLOCK_REALTIME, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

/*
 * drain(out: Uint8Array): bytes written. Reads every ready socket until it is empty or `out` has
 * no room for another batch; what stays is reported by the next drain (epoll is level-triggered).
 */
static napi_value drain(napi_env env, napi_callback_info info) {
  static unsigned char slots[BATCH][SLOT_BYTES];
  static char controls[BATCH][CMSG_SPACE(sizeof(struct timespec))];
  napi_value argv[1];
  if (!take_args(env, info, 1, argv, "drain(out)")) return NULL;
  unsigned char *out;
  size_t capacity;
  if (napi_get_typedarray_info(env, argv[0], NULL, &capacity, (void **)&out, NULL, NULL) != napi_ok) {
    napi_throw_type_error(env, NULL, "drain(out)");
    return NULL;
  }
  size_t used = 0;
  struct epoll_event events[MAX_EVENTS];
  int ready = epoll_fd < 0 ? 0 : epoll_wait(epoll_fd, events, MAX_EVENTS, 0);
  for (int e = 0; e < ready && capacity - used >= BATCH * (SLOT_BYTES + RECORD_HEADER); e++) {
    int fd = events[e].data.fd;
    for (;;) {
      struct mmsghdr messages[BATCH];
      struct iovec vectors[BATCH];
      for (int i = 0; i < BATCH; i++) {
        vectors[i] = (struct iovec){.iov_base = slots[i], .iov_len = SLOT_BYTES};
        messages[i].msg_hdr = (struct msghdr){
            .msg_iov = &vectors[i],
            .msg_iovlen = 1,
            .msg_control = controls[i],
            .msg_controllen = sizeof controls[i],
        };
      }
      int count = recvmmsg(fd, messages, BATCH, MSG_DONTWAIT, NULL);
      if (count < 0) break; /* EAGAIN: empty; ECONNREFUSED (ICMP from a closed port): read on next time */
      for (int i = 0; i < count; i++) {
        if (messages[i].msg_hdr.msg_flags & MSG_TRUNC) continue; /* larger than any datagram of ours */
        int32_t record_fd = fd;
        uint32_t length = messages[i].msg_len;
        double at = timestamp_ms(&messages[i].msg_hdr);
        memcpy(out + used, &record_fd, 4);
        memcpy(out + used + 4, &length, 4);
        memcpy(out + used + 8, &at, 8);
        memcpy(out + used + RECORD_HEADER, slots[i], length);
        used += RECORD_HEADER + length;
      }
      if (count < BATCH || capacity - used < BATCH * (SLOT_BYTES + RECORD_HEADER)) break;
    }
  }
  napi_value result;
  napi_create_uint32(env, (uint32_t)used, &result);
  return result;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor functions[] = {
      {"open", NULL, open_socket, NULL, NULL, NULL, napi_default, NULL},
      {"send", NULL, send_packet, NULL, NULL, NULL, napi_default, NULL},
      {"close", NULL, close_socket, NULL, NULL, NULL, napi_default, NULL},
      {"drain", NULL, drain, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, sizeof functions / sizeof functions[0], functions);
  return exports;
}
