package dev.secretsprawl.scan;

/** Rejects matches that are not secrets. Each filter has one job and a name for diagnostics. */
interface CandidateFilter {
    String name();

    boolean rejects(Candidate candidate);
}
