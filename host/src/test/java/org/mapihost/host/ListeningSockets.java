package org.mapihost.host;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The network sockets of a Linux process that wait for others to connect or send: TCP sockets
 * in {@code LISTEN} and UDP sockets that are bound but not connected. Read from
 * {@code /proc/<pid>/fd} (which sockets the process holds, by inode) and {@code /proc/net/tcp},
 * {@code tcp6}, {@code udp}, {@code udp6} (the kernel's socket tables). Stateless.
 */
final class ListeningSockets {
	private static final String TCP_LISTEN = "0A";

	private ListeningSockets() {
	}

	static boolean available() {
		return Files.isDirectory(Path.of("/proc/self/fd")) && Files.isReadable(Path.of("/proc/net/tcp"));
	}

	/** One line per listener: protocol, local address as the kernel writes it (hex) and port. */
	static List<String> of(long pid) throws IOException {
		Set<String> inodes = socketInodes(pid);
		List<String> listeners = new ArrayList<>();
		for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
			Path file = Path.of("/proc/net", table);
			if (!Files.isReadable(file)) {
				continue;
			}
			List<String> lines = Files.readAllLines(file);
			for (String line : lines.subList(1, lines.size())) {
				String[] fields = line.trim().split("\\s+");
				String local = fields[1];
				String remote = fields[2];
				String state = fields[3];
				String inode = fields[9];
				boolean waiting = table.startsWith("tcp") ? state.equals(TCP_LISTEN) : remote.matches("0+:0000");
				if (waiting && inodes.contains(inode)) {
					String port = String.valueOf(Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
					listeners.add(table + " " + local.substring(0, local.indexOf(':')) + " port " + port + " (inode " + inode + ")");
				}
			}
		}
		return listeners;
	}

	private static Set<String> socketInodes(long pid) throws IOException {
		Set<String> inodes = new HashSet<>();
		try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "fd"))) {
			for (Path descriptor : descriptors) {
				try {
					String target = Files.readSymbolicLink(descriptor).toString();
					if (target.startsWith("socket:[")) {
						inodes.add(target.substring("socket:[".length(), target.length() - 1));
					}
				} catch (NoSuchFileException e) {
					// closed while we looked: not a listener any more
				}
			}
		}
		return inodes;
	}
}
