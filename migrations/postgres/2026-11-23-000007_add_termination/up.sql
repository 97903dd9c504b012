-- Early termination: the last day support was given (the reason is the action's comment).
ALTER TABLE arrangements ADD COLUMN terminated_on DATE;
