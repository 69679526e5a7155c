package dev.dkimagent.agent.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A class path for a bench's child JVM made of jars only: the shipped jar, as {@code bin/dkim-agent}
 * runs it, and a jar of the bench's own child main written for the run. Jars matter twice: the
 * JVM finds classes in one jar faster than across a hundred, and a class-data archive
 * ({@code -XX:ArchiveClassesAtExit}) refuses a class path with a non-empty directory.
 */
final class ChildJar {
    private ChildJar() {
    }

    /** {@code shipped} and a jar in {@code work} holding {@code main} and its nested classes. */
    static String classPath(Path shipped, Path work, Class<?> main) throws IOException {
        if (!Files.isRegularFile(shipped)) {
            throw new IllegalArgumentException("no shipped jar at " + shipped.toAbsolutePath()
                    + "; build it with: mvn -B -q -DskipTests package (or pass jar=PATH, or classpath=build)");
        }
        Path jar = work.resolve("bench-child.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path classFile : classFiles(main)) {
                String entry = main.getPackageName().replace('.', '/') + "/" + classFile.getFileName();
                out.putNextEntry(new JarEntry(entry));
                Files.copy(classFile, (OutputStream) out);
                out.closeEntry();
            }
        }
        return shipped.toAbsolutePath() + java.io.File.pathSeparator + jar;
    }

    /** {@code main}'s class file and its nested classes', from the directory it was loaded from. */
    private static List<Path> classFiles(Class<?> main) throws IOException {
        Path dir;
        try {
            dir = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve(main.getPackageName().replace('.', '/'));
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        String name = main.getSimpleName();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().equals(name + ".class")
                    || f.getFileName().toString().startsWith(name + "$")).sorted().toList();
        }
    }
}
