/**
 * The "did you mean" of a refused name ({@link dev.forum.closestname.ClosestName}). A named module so that the
 * run-time library (a named module too) can require it; plain Java with no dependency.
 */
module dev.forum.closestname {
    exports dev.forum.closestname;
}
