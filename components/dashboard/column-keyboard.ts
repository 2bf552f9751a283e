import { KeyboardCode, type KeyboardCoordinateGetter } from '@dnd-kit/core';

/**
 * Left and right arrows carry a picked-up card a whole column at a time (dnd-kit's default moves 25 px a press,
 * which would take a dozen presses per stage).
 */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
  if (event.code !== KeyboardCode.Right && event.code !== KeyboardCode.Left) return undefined;
  event.preventDefault();
  const lefts = [...context.droppableRects.values()].map((rect) => rect.left).sort((a, b) => a - b);
  const x = currentCoordinates.x;
  const next = event.code === KeyboardCode.Right ? lefts.find((l) => l > x + 16) : lefts.findLast((l) => l < x - 16);
  return next === undefined ? currentCoordinates : { x: next + 8, y: currentCoordinates.y };
};
