MEMBERSHIP_OFFICERS = "مسؤولو العضوية"
MEMBERSHIP_EXPORTERS = "مصدّرو بيانات العضوية"

# Membership officers read applications and take the workflow's steps (the "change" right: the
# applicant's own fields are read-only in the admin). They may not add or delete applications
# (deleting is the erase and purge commands' job) nor export them.
#
# Exporting copies applicants' data out of the site, beyond its access control and its retention
# rules: the riskiest thing anyone can do with it. So it is a separate role, for the few people who
# must hand lists to the party's offices; every export is recorded, and they can read that record.
# Give someone both groups when they need both.
GROUPS = {
    MEMBERSHIP_OFFICERS: [
        "membership.view_application",
        "membership.change_application",
        "membership.view_statuschange",
    ],
    MEMBERSHIP_EXPORTERS: [
        "membership.view_application",
        "membership.export_application",
        "membership.view_applicationexport",
    ],
}
