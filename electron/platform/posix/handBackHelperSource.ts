/**
 * The privileged side of the POSIX hand-back (and its Undo), run as root by
 * `pkexec /usr/bin/python3 -I -X utf8 -c <this text>`. It travels as an
 * argument, not as a file: a file in a per-user install folder is writable by
 * the user, so root would run whatever a same-user process put there between
 * the password prompt and the run; an argument of the pkexec process cannot
 * be changed by anyone once it started.
 *
 * Why it walks by file descriptors: `chown -h` with absolute paths resolves
 * every folder above the last part again, so a folder the user swaps for a
 * symlink while polkit waits (or once its parent became theirs mid-run)
 * sends root's chown into a system folder. Here every folder is opened from
 * the one above it with O_NOFOLLOW|O_DIRECTORY, the root from `/` part by
 * part; each entry is held open (O_PATH) before its device and inode are
 * compared with those recorded at the scan, and the owner is changed through
 * that descriptor, so what was checked is what changes. Nothing on another
 * file system is touched, nor a file with a second name (a hard link).
 *
 * Input (stdin, JSON): {"root": {"path", "dev", "ino"}, "entries": [{"path"
 * relative to root ("" is the root), "dev", "ino", "uid", "gid"}]}, dev and
 * ino as decimal strings (they may exceed 2^53), uid:gid the owner to set.
 * Output: one JSON line per entry on stdout, {"path", "changed": true} or
 * {"path", "refused": reason}; one plain line per refusal on stderr. Exit 0
 * when every entry changed, 1 when some were refused, 2 when nothing was
 * done (the request or the root itself was refused).
 */
export const HAND_BACK_HELPER_SOURCE = String.raw`
import json, os, stat, sys

DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
O_PATH = getattr(os, "O_PATH", 0)
PROC_FD = "/proc/self/fd"


class Refused(Exception):
    def __init__(self, reason, block=None):
        super().__init__(reason)
        self.reason = reason
        self.block = block


def stop(message):
    print("refused: " + message, file=sys.stderr)
    sys.exit(2)


def parts_of(path):
    parts = tuple(path.split("/")) if path else ()
    if any(part in ("", ".", "..") for part in parts):
        raise ValueError("not a plain relative path: " + repr(path))
    return parts


def number(value):
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).isdigit():
        raise ValueError("not a number: " + repr(value))
    return int(value)


def read_request():
    try:
        request = json.load(sys.stdin)
        root = request["root"]
        root_path = root["path"]
        if not isinstance(root_path, str) or not root_path.startswith("/") or root_path == "/":
            raise ValueError("the root must be an absolute folder below /")
        root_parts = parts_of(root_path[1:])
        entries = []
        for entry in request["entries"]:
            entries.append((parts_of(entry["path"]), number(entry["dev"]), number(entry["ino"]),
                            number(entry["uid"]), number(entry["gid"])))
        return root_path, root_parts, (number(root["dev"]), number(root["ino"])), sorted(entries)
    except (ValueError, KeyError, TypeError) as error:
        stop("the request is malformed (" + str(error) + "); nothing was changed")


def open_root(root_path, root_parts):
    fd = os.open("/", DIR_FLAGS)
    try:
        for part in root_parts:
            next_fd = os.open(part, DIR_FLAGS, dir_fd=fd)
            os.close(fd)
            fd = next_fd
    except OSError as error:
        os.close(fd)
        stop(root_path + " could not be opened without following a symbolic link ("
             + error.strerror + "); nothing was changed")
    return fd


def verify(info, dev, ino, root_dev):
    if info.st_dev != root_dev:
        raise Refused("it is on another file system")
    if (info.st_dev, info.st_ino) != (dev, ino):
        raise Refused("it is not the file that was recorded (it was replaced or moved since the scan)")


def change_other(parent_fd, name, dev, ino, uid, gid, root_dev):
    """A file or symlink: held by an O_PATH descriptor, checked, then changed through it."""
    if O_PATH and os.path.isdir(PROC_FD):
        fd = os.open(name, O_PATH | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=parent_fd)
        try:
            info = os.fstat(fd)
            verify(info, dev, ino, root_dev)
            if stat.S_ISDIR(info.st_mode) or info.st_nlink > 1:
                raise Refused("it has another name (a hard link), maybe outside this folder")
            if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
                raise Refused("it is a device: owning it would give access to the hardware")
            # The magic link lands on the inode fd holds, a symlink's own inode included.
            os.chown(PROC_FD + "/" + str(fd), uid, gid)
        finally:
            os.close(fd)
        return
    # Without O_PATH (macOS): regular files through an fd, a symlink's own owner by name.
    info = os.stat(name, dir_fd=parent_fd, follow_symlinks=False)
    verify(info, dev, ino, root_dev)
    if info.st_nlink > 1:
        raise Refused("it has another name (a hard link), maybe outside this folder")
    if stat.S_ISREG(info.st_mode):
        flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
        fd = os.open(name, flags, dir_fd=parent_fd)
        try:
            verify(os.fstat(fd), dev, ino, root_dev)
            os.fchown(fd, uid, gid)
        finally:
            os.close(fd)
    elif stat.S_ISLNK(info.st_mode):
        os.chown(name, uid, gid, dir_fd=parent_fd, follow_symlinks=False)
    else:
        raise Refused("it is not a file, folder or symbolic link")


def main():
    root_path, root_parts, root_id, entries = read_request()
    root_fd = open_root(root_path, root_parts)
    info = os.fstat(root_fd)
    if (info.st_dev, info.st_ino) != root_id:
        stop(root_path + " is not the folder that was recorded (it was replaced since the scan); "
             + "nothing was changed")
    root_dev = info.st_dev
    recorded = {entry[0]: entry for entry in entries}
    # Open folders from the root down to the last entry's folder; one descriptor per level.
    stack = [((), root_fd)]
    blocked = set()
    refused = 0

    def descend(folder, entry):
        while stack[-1][0] != folder[:len(stack[-1][0])]:
            os.close(stack.pop()[1])
        for depth in range(len(stack[-1][0]), len(folder)):
            here = folder[:depth + 1]
            above = "" if here == entry else "the folder " + "/".join(here) + " above it: "
            try:
                fd = os.open(here[-1], DIR_FLAGS, dir_fd=stack[-1][1])
            except OSError as error:
                raise Refused(above + "it could not be opened as a folder without following a "
                              + "symbolic link (" + error.strerror + ")", here)
            try:
                info = os.fstat(fd)
                want = recorded.get(here)
                verify(info, want[1] if want else info.st_dev, want[2] if want else info.st_ino,
                       root_dev)
            except Refused as refusal:
                os.close(fd)
                raise Refused(above + refusal.reason, here)
            stack.append((here, fd))

    for parts, dev, ino, uid, gid in entries:
        shown = "/".join(parts)
        try:
            if any(parts[:depth] in blocked for depth in range(1, len(parts))):
                raise Refused("a folder above it was refused")
            if parts == ():
                verify(info, dev, ino, root_dev)
                os.fchown(root_fd, uid, gid)
            else:
                descend(parts[:-1], parts)
                parent_fd = stack[-1][1]
                if stat.S_ISDIR(os.stat(parts[-1], dir_fd=parent_fd, follow_symlinks=False).st_mode):
                    descend(parts, parts)
                    os.fchown(stack[-1][1], uid, gid)
                else:
                    change_other(parent_fd, parts[-1], dev, ino, uid, gid, root_dev)
            print(json.dumps({"path": shown, "changed": True}), flush=True)
        except (Refused, OSError) as problem:
            reason = problem.reason if isinstance(problem, Refused) else problem.strerror
            blocked.add(problem.block if isinstance(problem, Refused) and problem.block else parts)
            refused += 1
            print(json.dumps({"path": shown, "refused": reason}), flush=True)
            print("refused " + os.path.join(root_path, shown) + ": " + reason, file=sys.stderr,
                  flush=True)
    sys.exit(1 if refused else 0)


main()
`;
