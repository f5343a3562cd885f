package dev.forum.extraction.scan;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;

/**
 * One class: its name and the classes it references. References come from the constant pool, where every type a
 * class uses is named: class entries and the descriptors and signatures in its UTF-8 entries.
 */
record ClassFile(String name, Set<String> references) {

    private static final int CONSTANT_UTF8 = 1;
    private static final int CONSTANT_CLASS = 7;

    static ClassFile read(byte[] bytes) throws IOException {
        ClassReader reader = new ClassReader(bytes);
        String self = reader.getClassName();
        char[] buffer = new char[reader.getMaxStringLength()];
        Set<String> references = new HashSet<>();
        for (int item = 1; item < reader.getItemCount(); item++) {
            int offset = reader.getItem(item);
            if (offset == 0) {
                continue; // the second slot of a long or double
            }
            int tag = reader.readByte(offset - 1);
            if (tag == CONSTANT_CLASS) {
                addClassName(reader.readUTF8(offset, buffer), references);
            } else if (tag == CONSTANT_UTF8 && hasSemicolon(bytes, offset)) {
                addDescriptorTypes(new DataInputStream(new ByteArrayInputStream(bytes, offset, bytes.length - offset)).readUTF(),
                        references);
            }
        }
        references.remove(self.replace('/', '.'));
        return new ClassFile(self.replace('/', '.'), Set.copyOf(references));
    }

    /** Only UTF-8 entries with a ';' can name a type; modified UTF-8 never encodes ';' otherwise. */
    private static boolean hasSemicolon(byte[] bytes, int offset) {
        int length = ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
        for (int i = offset + 2; i < offset + 2 + length; i++) {
            if (bytes[i] == ';') {
                return true;
            }
        }
        return false;
    }

    /** A class entry holds an internal name, or an array descriptor. */
    private static void addClassName(String name, Set<String> out) {
        if (name.startsWith("[")) {
            addDescriptorTypes(name, out);
        } else if (!name.startsWith("java/")) {
            out.add(name.replace('/', '.'));
        }
    }

    /** Every {@code Lpkg/Name;} or {@code Lpkg/Name<} in a descriptor or signature. */
    static void addDescriptorTypes(String text, Set<String> out) {
        if (text.indexOf(';') < 0) {
            return;
        }
        int start = text.indexOf('L');
        while (start >= 0) {
            int end = start + 1;
            while (end < text.length() && isNamePart(text.charAt(end))) {
                end++;
            }
            boolean closed = end < text.length() && (text.charAt(end) == ';' || text.charAt(end) == '<');
            String name = text.substring(start + 1, end);
            if (closed && name.indexOf('/') > 0 && !name.startsWith("java/")) {
                out.add(name.replace('/', '.'));
                start = text.indexOf('L', end);
            } else {
                start = text.indexOf('L', start + 1);
            }
        }
    }

    private static boolean isNamePart(char c) {
        return c != ';' && c != '<' && c != '>' && c != '.' && c != '[' && c != ':' && c != '(' && c != ')'
                && !Character.isWhitespace(c);
    }
}
