/* Autocleanup registrations for the foreign types vabench uses, in one place
 * (STYLE.md habit 3): g_autoptr(cJSON), g_autoptr(CURL), g_autoptr(CURLM). */
#ifndef VB_AUTOCLEANUPS_H
#define VB_AUTOCLEANUPS_H

#include <cjson/cJSON.h>
#include <curl/curl.h>
#include <glib.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cJSON, cJSON_Delete)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CURL, curl_easy_cleanup)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CURLM, curl_multi_cleanup)

#endif
