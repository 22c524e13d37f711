/**
 * The progress file, owned by this folder alone: format.ts knows its shape
 * (fields, version, limits, reading and writing its text), ranges.ts how the
 * steps seen are written, merge.ts how two tutors' records combine, file.ts
 * where it lives and how it is read and saved, course.ts the course it is
 * checked against. Everything else imports it from here.
 */

export { EMPTY, LIMITS, VERSION, type Again, type Progress, type QuizScore } from './format.js';
export { decodeSeen, encodeSeen } from './ranges.js';
export { SKILL_LIMITS, type SelfTestScore } from './skills.js';
export { mergeProgress } from './merge.js';
export { loadProgress, NOWHERE, progressPath, saveFailure, saveProgress, type Loaded } from './file.js';
export { courseSteps, type CourseSteps } from './course.js';
