import { lessonKey, type LessonRef } from '../lesson/identity.js';
import { courseSteps, type CourseSteps } from './course.js';
import { AGAIN, kept, LIMITS, RECENT, stepsOf, VERSION, type Again, type Progress } from './format.js';
import { clipRanges, formatRanges, parseRanges, unionOfRanges } from './ranges.js';
import { mergeSkills, mergeTests } from './skills.js';

const againKey = (a: Again) => `${lessonKey(a.lesson)}\u0000${a.step}`;

/**
 * Two tutors may be open at once: what is on disk is merged with what this
 * one knows. Finished lessons and scores are a union (this tutor's score of a
 * lesson over the other's); the current lesson is the one that saved last.
 * The questions to ask again are a union too, less those this tutor has seen
 * answered (`cleared`); the steps seen of a lesson are the union of both
 * tutors', dropped once the lesson is finished. What no lesson needs is
 * pruned to LIMITS (see `kept`), so the file stays the same size however
 * long the history, and always passes the checks it is read with.
 */
export function mergeProgress(disk: Progress, mine: Progress, cleared: Again[] = [], course: CourseSteps = courseSteps()): Progress {
  const fits = (key: string) => key.length <= LIMITS.text;
  const length = (key: string) => stepsOf(key, course);
  const inLesson = (place: { lesson: LessonRef; step: number }) =>
    fits(lessonKey(place.lesson)) && place.step < length(lessonKey(place.lesson));
  const cut = (text: string) => text.slice(0, LIMITS.text);

  const recent = [...mine.recent, ...disk.recent]
    .filter((r, i, all) => fits(lessonKey(r.lesson)) && all.findIndex((o) => lessonKey(o.lesson) === lessonKey(r.lesson)) === i)
    .slice(0, RECENT)
    .map((r) => ({ lesson: r.lesson, title: cut(r.title), expression: cut(r.expression) }));
  const finished = kept([...new Set([...disk.finished, ...mine.finished])].filter(fits), course);
  const quiz = { ...disk.quiz, ...mine.quiz };
  const scored = new Set(kept(Object.keys(quiz).filter(fits), course));
  const gone = new Set(cleared.map(againKey));
  const again = [...(disk.again ?? []), ...(mine.again ?? [])].filter(
    (a, i, all) => !gone.has(againKey(a)) && inLesson(a) && all.findIndex((o) => againKey(o) === againKey(a)) === i,
  );
  const done = new Set(finished);
  const seen: Record<string, string> = {};
  const unfinished = [...new Set([...Object.keys(disk.seen ?? {}), ...Object.keys(mine.seen ?? {})])].filter(
    (k) => !done.has(k) && fits(k),
  );
  for (const key of kept(unfinished, course)) {
    const [a, b] = [parseRanges(disk.seen?.[key] ?? ''), parseRanges(mine.seen?.[key] ?? '')];
    const ranges = formatRanges(clipRanges(unionOfRanges(a ?? [], b ?? []), length(key), LIMITS.ranges));
    if (ranges) seen[key] = ranges;
  }
  // Each skill's record from the tutor that answered it last; the self-test's scores from both.
  const skills = mergeSkills(disk.skills, mine.skills);
  const tests = mergeTests(disk.tests, mine.tests);
  return {
    version: VERSION,
    ...(mine.current && inLesson(mine.current) ? { current: mine.current } : {}),
    finished,
    quiz: Object.fromEntries(Object.entries(quiz).filter(([key]) => scored.has(key))),
    recent,
    ...(again.length > 0 ? { again: again.slice(-AGAIN) } : {}),
    ...(Object.keys(seen).length > 0 ? { seen } : {}),
    ...(Object.keys(skills).length > 0 ? { skills } : {}),
    ...(tests.length > 0 ? { tests } : {}),
  };
}
