package forum.api;

/** The tutorial's routes on the embedded default database. */
class TutorialRoutesOnH2IntegrationTest extends TutorialRoutesContract {
}
