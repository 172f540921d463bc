package dev.secretsprawl.source.git;

import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recently read trees and file versions, shared by the reading threads. A history scan reads most
 * objects twice: a version is the "new" side of the commit that wrote it and the "old" side of the next
 * commit that changed the file (and a tree likewise for its commit and the commit after). Inflating and
 * un-deltifying it again is the scan's largest cost, so the second read comes from here. Bounded by bytes.
 */
final class ObjectCache {
    /** Larger objects are read every time: they would push out hundreds of small ones. */
    private static final int MAX_OBJECT = 1024 * 1024;

    private final long limit;
    private long size;
    private long hits;
    private long misses;
    private final LinkedHashMap<ObjectId, Entry> entries = new LinkedHashMap<>(4096, 0.75f, true);

    private record Entry(int type, byte[] bytes) {
    }

    ObjectCache(long limitBytes) {
        this.limit = limitBytes;
    }

    /** A reader that answers from this cache and fills it from {@code delegate}. */
    ObjectReader wrap(ObjectReader delegate) {
        return new Reader(delegate);
    }

    private synchronized Entry get(AnyObjectId id) {
        Entry e = entries.get(id);
        if (e == null) {
            misses++;
        } else {
            hits++;
        }
        return e;
    }

    private synchronized void put(AnyObjectId id, Entry entry) {
        if (entry.bytes().length > MAX_OBJECT || entries.containsKey(id)) {
            return;
        }
        entries.put(id.copy(), entry);
        size += entry.bytes().length;
        Iterator<Map.Entry<ObjectId, Entry>> eldest = entries.entrySet().iterator();
        while (size > limit && eldest.hasNext()) {
            size -= eldest.next().getValue().bytes().length;
            eldest.remove();
        }
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
    }

    private final class Reader extends ObjectReader.Filter {
        private final ObjectReader delegate;

        Reader(ObjectReader delegate) {
            this.delegate = delegate;
        }

        @Override
        protected ObjectReader delegate() {
            return delegate;
        }

        @Override
        public ObjectLoader open(AnyObjectId id, int typeHint) throws MissingObjectException,
                IncorrectObjectTypeException, IOException {
            Entry cached = get(id);
            if (cached != null) {
                if (typeHint != OBJ_ANY && cached.type() != typeHint) {
                    throw new IncorrectObjectTypeException(id.copy(), typeHint);
                }
                return new ObjectLoader.SmallObject(cached.type(), cached.bytes());
            }
            ObjectLoader loader = delegate.open(id, typeHint);
            if (loader.isLarge() || loader.getSize() > MAX_OBJECT) {
                return loader;
            }
            byte[] bytes = loader.getCachedBytes();
            put(id, new Entry(loader.getType(), bytes));
            return new ObjectLoader.SmallObject(loader.getType(), bytes);
        }

        @Override
        public ObjectLoader open(AnyObjectId id) throws MissingObjectException, IOException {
            return open(id, OBJ_ANY);
        }

        @Override
        public long getObjectSize(AnyObjectId id, int typeHint) throws MissingObjectException,
                IncorrectObjectTypeException, IOException {
            Entry cached = get(id);
            return cached != null ? cached.bytes().length : delegate.getObjectSize(id, typeHint);
        }

        @Override
        public ObjectReader newReader() {
            return new Reader(delegate.newReader());
        }
    }
}
