/** The tutor's own seeded generator (mulberry32): the same seed gives the same run, so a failing fuzz run or a benchmark graph can be repeated. */
export { seeded } from '../../src/practice/random.js';
