/*
 * imagecheck: flags from image forensics (forensics/forensics.h).
 *
 *   IMAGE_EDITED       warning  an editor's name in the file's metadata, a
 *                               Photoshop resource block, or a page saved
 *                               twice as JPEG; the evidence lists what was found
 *   IMAGE_QUALITY_LOW  warning  too low a resolution for the MRZ, blur or glare;
 *                               or, on a page where no MRZ was read, too few
 *                               pixels for any MRZ; the message asks for a
 *                               rescan and says why
 *
 * Editing is a warning, not proof: offices re-save scans too. Pure function.
 */
#ifndef DS_IMAGECHECK_H
#define DS_IMAGECHECK_H

#include "forensics/forensics.h"
#include "check.h"

/* Adds the flags f calls for on page; returns how many were added. */
int ds_forensics_check(const ds_forensics *f, int page, ds_flags *flags);

#endif
