package dev.dkimagent.agent.config;

import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderClasspath;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigIncluderURL;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseable;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/**
 * HOCON's includes, each file checked by {@link ConfigFiles} before the library's own includer
 * reads it. Only files are followed: {@code include url("https://...")} would make start-up
 * depend on the network and read an unbounded stream, so it is refused.
 */
final class BoundedIncluder implements ConfigIncluder, ConfigIncluderFile, ConfigIncluderURL, ConfigIncluderClasspath {
    private static final List<String> EXTENSIONS = List.of(".conf", ".json", ".properties");

    private final ConfigFiles files;
    private final ConfigIncluder library;

    BoundedIncluder(ConfigFiles files) {
        this(files, null);
    }

    private BoundedIncluder(ConfigFiles files, ConfigIncluder library) {
        this.files = files;
        this.library = library;
    }

    /** The library hands its default includer here; it does the reading once a file is admitted. */
    @Override
    public ConfigIncluder withFallback(ConfigIncluder fallback) {
        if (fallback == library || fallback == this) {
            return this;
        }
        return new BoundedIncluder(files, library == null ? fallback : library.withFallback(fallback));
    }

    @Override
    public ConfigObject include(ConfigIncludeContext context, String name) {
        URL url = asUrl(name);
        if (url != null) {
            admit(url, "\"" + name + "\"", name);
        } else {
            for (String candidate : candidates(name)) {
                ConfigParseable parseable = context.relativeTo(candidate);
                if (parseable != null) {
                    admit(parseable.origin(), name);
                }
            }
        }
        return library().include(context, name);
    }

    @Override
    public ConfigObject includeFile(ConfigIncludeContext context, File file) {
        files.admitIncluded(file.toPath(), "file(\"" + file + "\")", file.toString());
        return ((ConfigIncluderFile) library()).includeFile(context, file);
    }

    @Override
    public ConfigObject includeURL(ConfigIncludeContext context, URL url) {
        admit(url, "url(\"" + url + "\")", url.getPath());
        return ((ConfigIncluderURL) library()).includeURL(context, url);
    }

    @Override
    public ConfigObject includeResources(ConfigIncludeContext context, String resource) {
        return ((ConfigIncluderClasspath) library()).includeResources(context, resource);
    }

    private void admit(ConfigOrigin origin, String name) {
        if (origin.resource() != null) {
            return; // on the class path: part of the agent, not of the user's files
        }
        if (origin.filename() != null) {
            files.admitIncluded(Path.of(origin.filename()), "\"" + name + "\"", name);
        } else if (origin.url() != null) {
            admit(origin.url(), "\"" + name + "\"", name);
        }
    }

    private void admit(URL url, String asWritten, String name) {
        if (!"file".equals(url.getProtocol())) {
            throw files.refuseInclude(asWritten, name, "only files are included (a configuration must not depend on"
                    + " the network); save it as a file and include that");
        }
        try {
            files.admitIncluded(Path.of(url.toURI()), asWritten, name);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw files.refuseInclude(asWritten, name, "not a file URL the agent can read");
        }
    }

    private ConfigIncluder library() {
        if (library == null) {
            throw new IllegalStateException("the library did not hand over its default includer");
        }
        return library;
    }

    /** The names HOCON tries for {@code include "name"}: as is with an extension, else each extension. */
    private static List<String> candidates(String name) {
        if (EXTENSIONS.stream().anyMatch(name::endsWith)) {
            return List.of(name);
        }
        return EXTENSIONS.stream().map(ext -> name + ext).toList();
    }

    private static URL asUrl(String name) {
        try {
            return new URL(name);
        } catch (MalformedURLException e) {
            return null;
        }
    }
}
