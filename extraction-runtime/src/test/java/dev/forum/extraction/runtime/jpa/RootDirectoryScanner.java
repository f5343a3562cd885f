package dev.forum.extraction.runtime.jpa;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.boot.archive.scan.spi.ClassDescriptor;
import org.hibernate.boot.archive.scan.spi.ClassDescriptor.Categorization;
import org.hibernate.boot.archive.scan.spi.MappingFileDescriptor;
import org.hibernate.boot.archive.scan.spi.PackageDescriptor;
import org.hibernate.boot.archive.scan.spi.ScanEnvironment;
import org.hibernate.boot.archive.scan.spi.ScanOptions;
import org.hibernate.boot.archive.scan.spi.ScanParameters;
import org.hibernate.boot.archive.scan.spi.ScanResult;
import org.hibernate.boot.archive.scan.spi.Scanner;
import org.hibernate.boot.archive.spi.InputStreamAccess;

/**
 * A Hibernate scanner of a directory root ({@code hibernate.archive.scanner}), standing in for
 * {@code hibernate-scan-jandex}, which Hibernate 7 needs to scan at all: it reports each managed class (entity,
 * embeddable, mapped superclass, converter) under the unit's root when the unit does not exclude unlisted classes.
 */
public class RootDirectoryScanner implements Scanner {

    private record Found(String getName, Categorization getCategorization) implements ClassDescriptor {
        @Override
        public InputStreamAccess getStreamAccess() {
            return null; // Hibernate loads a located class by name
        }
    }

    private record Result(Set<ClassDescriptor> getLocatedClasses) implements ScanResult {
        @Override
        public Set<PackageDescriptor> getLocatedPackages() {
            return Set.of();
        }

        @Override
        public Set<MappingFileDescriptor> getLocatedMappingFiles() {
            return Set.of();
        }
    }

    @Override
    public ScanResult scan(ScanEnvironment environment, ScanOptions options, ScanParameters parameters) {
        if (!options.canDetectUnlistedClassesInRoot()) {
            return new Result(Set.of());
        }
        try (Stream<Path> files = Files.walk(Path.of(environment.getRootUrl().toURI()))) {
            Path root = Path.of(environment.getRootUrl().toURI());
            return new Result(files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .<ClassDescriptor>map(RootDirectoryScanner::found).filter(f -> f != null).collect(Collectors.toSet()));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (URISyntaxException ex) {
            throw new IllegalArgumentException(ex);
        }
    }

    private static Found found(String name) {
        try {
            Class<?> type = Class.forName(name, false, RootDirectoryScanner.class.getClassLoader());
            if (type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Embeddable.class)
                    || type.isAnnotationPresent(MappedSuperclass.class)) {
                return new Found(name, Categorization.MODEL);
            }
            return type.isAnnotationPresent(Converter.class) ? new Found(name, Categorization.CONVERTER) : null;
        } catch (ClassNotFoundException ex) {
            return null;
        }
    }
}
