package dev.forum.extraction.runtime.jpa;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The binary name of the class a class file declares, read from its {@code this_class} entry (JVMS 4.1), as a JPA
 * provider's scanner names a class it finds: by its bytes, not its path, so a class file under a prefix
 * ({@code BOOT-INF/classes/}, {@code WEB-INF/classes/}) gets its own name. Only the constant pool is read, not the
 * fields, methods or attributes after it.
 */
final class ClassFileName {

    private static final int MAGIC = 0xCAFEBABE;

    private ClassFileName() {
    }

    /**
     * @param classFile the class file's bytes, from their start; read up to {@code this_class} and left open
     * @return the declared class's binary name: {@code com.acme.orders.Order}
     * @throws IOException when the stream fails, or what it holds is not a class file
     */
    static String of(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file (it does not start with 0xCAFEBABE)");
        }
        in.skipNBytes(4); // minor and major version
        int count = in.readUnsignedShort();
        String[] texts = new String[count];
        int[] classes = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> texts[i] = in.readUTF(); // Utf8: u2 length, modified UTF-8, as readUTF reads it
                case 7 -> classes[i] = in.readUnsignedShort(); // Class: the index of its name
                case 8, 16, 19, 20 -> in.skipNBytes(2); // String, MethodType, Module, Package
                case 15 -> in.skipNBytes(3); // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4); // Integer, Float, refs, NameAndType, Dynamic
                case 5, 6 -> { // Long and Double take two entries
                    in.skipNBytes(8);
                    i++;
                }
                default -> throw new IOException("not a class file (constant pool tag " + tag + " at entry " + i + ")");
            }
        }
        in.skipNBytes(2); // access flags
        int thisClass = in.readUnsignedShort();
        String name = thisClass > 0 && thisClass < count && classes[thisClass] > 0 && classes[thisClass] < count
                ? texts[classes[thisClass]] : null;
        if (name == null) {
            throw new IOException("not a class file (this_class " + thisClass + " names no class)");
        }
        return name.replace('/', '.');
    }
}
