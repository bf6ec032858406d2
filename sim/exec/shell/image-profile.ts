// What the simulator pretends a container image holds: its distribution (for
// /etc/os-release) and whether it has a shell and the usual utilities at all (distroless
// images such as coredns and metrics-server have none, like the real ones).

/** The userland of an image. */
export interface ImageProfile {
  /** false for distroless/scratch images: every exec fails like runc's "executable file not found". */
  hasShell: boolean;
  /** Contents of /etc/os-release, or undefined when the image has none (busybox, scratch). */
  osRelease?: string;
  /** Extra files of the image (nginx's default page). */
  files: Record<string, string>;
}

const ALPINE = `NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.20.3
PRETTY_NAME="Alpine Linux v3.20"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`;

const DEBIAN = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

const UBUNTU = `PRETTY_NAME="Ubuntu 24.04.1 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.1 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
UBUNTU_CODENAME=noble
`;

/** nginx's stock index.html (what `curl localhost` shows in an nginx container). */
export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** True for nginx-like images (they answer HTTP with nginx's default page). */
export function isNginxLike(image: string): boolean {
  return /(^|\/)(nginx|nginx-unprivileged|openresty)[:@]|(^|\/)nginx$/.test(image);
}

/** The profile of an image reference such as `nginx:1.27.3` or `rancher/mirrored-coredns-coredns:1.11.3`. */
export function imageProfile(image: string): ImageProfile {
  const ref = image.toLowerCase();
  const repo = ref.replace(/[:@].*$/, "");
  if (/coredns|metrics-server|(^|\/)pause$|distroless|scratch/.test(repo)) return { hasShell: false, files: {} };
  const files: Record<string, string> = {};
  if (isNginxLike(ref)) files["/usr/share/nginx/html/index.html"] = NGINX_WELCOME;
  if (/(^|\/)busybox$/.test(repo)) return { hasShell: true, files };
  if (/alpine|traefik|klipper|edgexfoundry|local-path-provisioner|outpost\/agent/.test(ref)) return { hasShell: true, osRelease: ALPINE, files };
  if (/ubuntu/.test(repo)) return { hasShell: true, osRelease: UBUNTU, files };
  return { hasShell: true, osRelease: DEBIAN, files };
}
